package org.capgov.telemetry.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.capgov.telemetry.protocol.Hj212Crc;

/**
 * Plays data loggers over TCP against the HJ 212 gateway: each logger sends one minute packet (CN 2051, Flag 5 so
 * that every packet is acknowledged) per simulated minute, with the factors and values it is given and optional
 * faults, and waits for each 9014 reply before the next packet. Needs only the JDK and {@link Hj212Crc}, so it also
 * runs as a command for demos (README, "Online monitoring simulator"):
 * <pre>
 * java -cp target/classes:target/test-classes org.capgov.telemetry.simulator.LoggerSimulator \
 *     --port 9212 --loggers 3 --minutes 240 --start 2026-12-07T08:00 --mn-prefix DEMOGAS --password 123456 --fault frozen
 * </pre>
 */
public final class LoggerSimulator {

    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** A deviation a simulated logger commits. */
    public enum Fault {
        /** none */
        NONE,
        /** the CRC is the Modbus one */
        MODBUS_CRC,
        /** every value is sent with flag D (instrument fault) */
        FLAG_D,
        /** the oxygen factor is left out */
        NO_OXYGEN
    }

    /**
     * One simulated logger: MN, password, ST, and per factor the value at minute i (values are taken as given, so a
     * constant function is a frozen value).
     */
    public record Logger(String mn, String password, String st, Map<String, IntFunction<Double>> factors, Fault fault) {
    }

    /** What one logger's run gave: packets sent and the replies received, in order. */
    public record Outcome(String mn, int sent, List<String> replies) {
    }

    private final String host;
    private final int port;

    public LoggerSimulator(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The minute packet of minute {@code i} from {@code start}. */
    public static String minutePacket(Logger l, LocalDateTime start, int i) {
        LocalDateTime t = start.plusMinutes(i);
        StringBuilder cp = new StringBuilder("DataTime=").append(DATA_TIME.format(t));
        l.factors().forEach((code, value) -> {
            if (l.fault() == Fault.NO_OXYGEN && code.equals("a19001")) {
                return;
            }
            cp.append(';').append(code).append("-Avg=").append(number(value.apply(i))).append(',').append(code)
                    .append("-Flag=").append(l.fault() == Fault.FLAG_D ? 'D' : 'N');
        });
        String segment = "QN=" + QN.format(t.plusSeconds(30)) + ";ST=" + l.st() + ";CN=2051;PW=" + l.password() + ";MN="
                + l.mn() + ";Flag=5;CP=&&" + cp + "&&";
        int crc = l.fault() == Fault.MODBUS_CRC ? Hj212Crc.modbus(segment) : Hj212Crc.of(segment);
        return "##" + String.format("%04d", segment.length()) + segment + Hj212Crc.hex(crc) + "\r\n";
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** Plays one logger for {@code minutes} minutes from {@code start} over one connection. */
    public Outcome play(Logger l, LocalDateTime start, int minutes) throws IOException {
        List<String> replies = new ArrayList<>();
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < minutes; i++) {
                out.write(minutePacket(l, start, i).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                replies.add(readLine(in));
            }
        }
        return new Outcome(l.mn(), minutes, replies);
    }

    /** Plays several loggers at once, one connection and thread each. */
    public List<Outcome> playAll(List<Logger> loggers, LocalDateTime start, int minutes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(loggers.size(), 64));
        try {
            List<Future<Outcome>> runs = new ArrayList<>();
            for (Logger l : loggers) {
                runs.add(pool.submit(() -> play(l, start, minutes)));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : runs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (c == '\n') {
                break;
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** A stack-gas logger: SO₂, NOx, particulate and oxygen, varying around the given levels unless frozen. */
    public static Logger stackGas(String mn, String password, double so2, boolean frozenSo2, Fault fault) {
        Map<String, IntFunction<Double>> f = new LinkedHashMap<>();
        f.put("a21026", frozenSo2 ? i -> so2 : i -> so2 + ((i * 7) % 11) / 10.0);
        f.put("a21002", i -> 80 + ((i * 5) % 13) / 10.0);
        f.put("a34013", i -> 8 + ((i * 3) % 7) / 10.0);
        f.put("a19001", i -> 9 + ((i * 2) % 5) / 10.0);
        return new Logger(mn, password, "31", f, fault);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>(Map.of("--host", "localhost", "--port", "9212", "--loggers", "1",
                "--minutes", "60", "--mn-prefix", "DEMOGAS", "--password", "123456", "--so2", "40", "--fault", "none"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        LocalDateTime start = a.containsKey("--start") ? LocalDateTime.parse(a.get("--start"))
                : LocalDateTime.now().withSecond(0).withNano(0).minusMinutes(Integer.parseInt(a.get("--minutes")));
        String fault = a.get("--fault");
        List<Logger> loggers = new ArrayList<>();
        for (int n = 1; n <= Integer.parseInt(a.get("--loggers")); n++) {
            String mn = a.get("--mn-prefix") + String.format("%04d", n);
            loggers.add(stackGas(mn, a.get("--password"), Double.parseDouble(a.get("--so2")), fault.equals("frozen"),
                    fault.equals("frozen") ? Fault.NONE : Fault.valueOf(fault.toUpperCase(java.util.Locale.ROOT))));
        }
        long t0 = System.nanoTime();
        List<Outcome> outcomes = new LoggerSimulator(a.get("--host"), Integer.parseInt(a.get("--port")))
                .playAll(loggers, start, Integer.parseInt(a.get("--minutes")));
        double seconds = (System.nanoTime() - t0) / 1e9;
        int sent = outcomes.stream().mapToInt(Outcome::sent).sum();
        long acked = outcomes.stream().flatMap(o -> o.replies().stream()).filter(r -> r.contains("CN=9014")).count();
        System.out.printf("%d loggers, %d packets sent, %d acknowledged (9014) in %.1f s%n", loggers.size(), sent, acked,
                seconds);
    }
}
