package org.capgov.telemetry.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: packets per second the HJ 212 parser turns into typed values, strict mode with the CRC checked, one thread
 * (docs/benchmarks.md, "HJ 212 parse"). Two packets: the stack-gas minute packet of docs/reference/hj212.md §3 (three
 * factors, 210 bytes) and a minute packet of 60 factors with Avg, Min, Max and Flag each (about 4.2 kB). The
 * {@code split*} methods are the yardstick the issue names: String.split and Double.parseDouble over the same bytes,
 * with no checking at all.
 * <pre>
 * ./mvnw -B -q -Pbench package dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt
 * java -cp target/bench/classes:$(cat target/bench/classpath.txt) org.openjdk.jmh.Main Hj212ParseBench
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@Threads(1)
public class Hj212ParseBench {

    static final String STACK = "##0198QN=20240101120000000;ST=31;CN=2051;PW=123456;MN=TESTGAS0000000000000001;Flag=4;"
            + "CP=&&DataTime=20240101115900;a21026-Avg=12.3,a21026-Flag=N;a21002-Avg=45.6,a21002-Flag=N;a34013-Avg=3.2,"
            + "a34013-Flag=N&&21C0\r\n";

    private final Hj212Parser parser = new Hj212Parser();
    private byte[] stack;
    private byte[] sixty;

    /** A minute packet with {@code n} factors, each with Avg, Min, Max and Flag, its length and CRC right. */
    static String minutePacket(int n) {
        StringBuilder cp = new StringBuilder("DataTime=20240101115900");
        for (int i = 0; i < n; i++) {
            String code = String.format(Locale.ROOT, "%s%05d", i % 2 == 0 ? "a" : "w", 21001 + i);
            double avg = 10 + i * 1.37;
            cp.append(';').append(code).append("-Avg=").append(String.format(Locale.ROOT, "%.3f", avg)).append(',')
                    .append(code).append("-Min=").append(String.format(Locale.ROOT, "%.3f", avg * 0.8)).append(',')
                    .append(code).append("-Max=").append(String.format(Locale.ROOT, "%.3f", avg * 1.2)).append(',')
                    .append(code).append("-Flag=N");
        }
        String segment = "QN=20240101120000000;ST=31;CN=2051;PW=123456;MN=TESTGAS0000000000000060;Flag=4;CP=&&" + cp + "&&";
        return "##" + String.format(Locale.ROOT, "%04d", segment.length()) + segment
                + Hj212Crc.hex(Hj212Crc.of(segment)) + "\r\n";
    }

    @Setup
    public void setUp() {
        stack = STACK.getBytes(StandardCharsets.ISO_8859_1);
        sixty = minutePacket(60).getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] p : List.of(stack, sixty)) {
            Hj212Parser.Result r = parser.parse(p);
            if (!r.ok()) {
                throw new IllegalStateException("benchmark packet refused: " + r.rejection());
            }
        }
        if (parser.parse(sixty).packet().factors().size() != 60) {
            throw new IllegalStateException("the 60-factor packet has not 60 factors");
        }
        System.out.printf(Locale.ROOT, "%n[bench] packets: stack-gas %d bytes, 60 factors %d bytes%n", stack.length,
                sixty.length);
    }

    @Benchmark
    public Hj212Parser.Result stackGas3Factors() {
        return parser.parse(stack);
    }

    @Benchmark
    public Hj212Parser.Result minute60Factors() {
        return parser.parse(sixty);
    }

    @Benchmark
    public List<double[]> splitStackGas3Factors() {
        return split(stack);
    }

    @Benchmark
    public List<double[]> splitMinute60Factors() {
        return split(sixty);
    }

    /** The yardstick: split the segment at ; and , and parse every number after '=', checking nothing. */
    static List<double[]> split(byte[] frame) {
        String segment = new String(frame, 6, frame.length - 12, StandardCharsets.ISO_8859_1);
        String cp = segment.substring(segment.indexOf("CP=&&") + 5, segment.length() - 2);
        List<double[]> out = new ArrayList<>();
        for (String group : cp.split(";")) {
            String[] items = group.split(",");
            double[] values = new double[items.length];
            for (int i = 0; i < items.length; i++) {
                String v = items[i].substring(items[i].indexOf('=') + 1);
                values[i] = v.length() == 1 || items[i].startsWith("DataTime") ? 0 : Double.parseDouble(v);
            }
            out.add(values);
        }
        return out;
    }
}
