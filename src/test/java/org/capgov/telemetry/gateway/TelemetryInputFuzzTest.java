package org.capgov.telemetry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.capgov.telemetry.protocol.Hj212Crc;
import org.capgov.telemetry.protocol.Hj212Parser;
import org.capgov.telemetry.protocol.Tolerance;

/**
 * Coverage-guided fuzzing (Jazzer) of everything a logger's bytes pass through before storage: the frame decoder fed
 * in arbitrary chunks, and the parser on raw frames and on arbitrary segments framed with a right length and CRC (so
 * that the fuzzer gets past the CRC into the grammar). No input may throw, and the parser's safety net (the refusal
 * "无法解析的报文" it gives when a check threw) must never be needed.
 * <p>
 * In an ordinary test run (no {@code JAZZER_FUZZ}) Jazzer replays the seeds in
 * {@code TelemetryInputFuzzTestInputs/} (the verified packets); {@code TelemetryFuzzingIT} runs the fuzzer itself for
 * {@link #SECONDS} seconds in a JVM of its own. Hj212MutationTest adds 30,000 seeded mutations to every run.
 */
class TelemetryInputFuzzTest {

    static final int SECONDS = 30;
    private static final int MAX_FRAME = 2000;
    private static final Hj212Parser PARSER = new Hj212Parser();
    private static final Set<Tolerance> ALL = EnumSet.allOf(Tolerance.class);
    /** The start of the text of the refusal {@link Hj212Parser#parse(byte[], Set)} gives when a check threw. */
    private static final String SAFETY_NET = "无法解析的报文";

    @FuzzTest(maxDuration = SECONDS + "s")
    void parserAndFrameDecoder(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> parse(data.consumeRemainingAsBytes());
            case 1 -> parse(frame(data.consumeRemainingAsBytes()));
            default -> decode(data);
        }
    }

    private static void parse(byte[] frame) {
        for (Set<Tolerance> tolerances : java.util.List.of(Set.<Tolerance>of(), ALL)) {
            // the 2005 dialect reads the same bytes too: it must never need its safety net either
            Hj212Parser.Result old = org.capgov.telemetry.protocol.Dialect.HJT212_2005.parser().parse(frame, tolerances);
            check(old.ok() != (old.rejection() != null), "2005: exactly one of packet and refusal", frame);
            check(old.ok() || !old.rejection().detail().startsWith(SAFETY_NET), "2005: the parser threw", frame);
            Hj212Parser.Result r = PARSER.parse(frame, tolerances);
            // plain checks, not AssertJ: they run for every input the fuzzer tries
            check(r.ok() != (r.rejection() != null), "exactly one of packet and refusal", frame);
            if (!r.ok()) {
                check(!r.rejection().detail().startsWith(SAFETY_NET), "the parser threw: " + r.rejection().detail(), frame);
                check(!r.rejection().detail().isBlank(), "a refusal says why", frame);
            } else {
                check(r.packet().segment().length() == frame.length - Hj212Parser.OVERHEAD, "the segment is kept whole",
                        frame);
            }
        }
    }

    private static void check(boolean ok, String what, byte[] input) {
        if (!ok) {
            throw new AssertionError(what + " — input: " + new String(input, StandardCharsets.ISO_8859_1));
        }
    }

    /** Feeds the bytes in chunks of fuzzed sizes; every frame that comes out is whole, in order, and within the limit. */
    private static void decode(FuzzedDataProvider data) {
        EmbeddedChannel channel = new EmbeddedChannel(new Hj212FrameDecoder(MAX_FRAME));
        StringBuilder fed = new StringBuilder();
        int searchFrom = 0;
        while (data.remainingBytes() > 0 && channel.isOpen()) {
            byte[] chunk = data.consumeBytes(data.consumeInt(1, 300));
            fed.append(new String(chunk, StandardCharsets.ISO_8859_1));
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
            byte[] frame;
            while ((frame = channel.readInbound()) != null) {
                String f = new String(frame, StandardCharsets.ISO_8859_1);
                assertThat(f).startsWith("##").endsWith("\r\n");
                assertThat(f.indexOf("\r\n")).isEqualTo(f.length() - 2);
                assertThat(frame.length).isLessThanOrEqualTo(MAX_FRAME);
                int at = fed.indexOf(f, searchFrom);
                assertThat(at).as("a frame is a piece of the input, after the previous one").isGreaterThanOrEqualTo(0);
                searchFrom = at + f.length();
                parse(frame);
            }
        }
        channel.finishAndReleaseAll();
    }

    private static byte[] frame(byte[] segment) {
        byte[] f = new byte[segment.length + Hj212Parser.OVERHEAD];
        byte[] head = ("##" + String.format("%04d", Math.min(segment.length, 9999))).getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = (Hj212Crc.hex(Hj212Crc.of(segment, 0, segment.length)) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, f, 0, 6);
        System.arraycopy(segment, 0, f, 6, segment.length);
        System.arraycopy(tail, 0, f, f.length - 6, 6);
        return f;
    }
}
