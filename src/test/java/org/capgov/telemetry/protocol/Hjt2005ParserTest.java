package org.capgov.telemetry.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * HJ/T 212-2005 packets (docs/reference/hj212.md §12, reading T5): uploads without QN and Flag, 2005 factor codes and
 * data flags outside the 2017 table. Flags of the 2017 table keep their meaning; others are kept as sent. Mutations of
 * the 2005 packets never make the parser throw.
 */
class Hjt2005ParserTest {

    /** Minute data of a stack as 2005 loggers send it: no QN, no Flag, codes 02 / 03 / 01 / S01, a P flag. */
    static final String MINUTE_2005 = "ST=31;CN=2051;PW=123456;MN=TEST2005GAS001;CP=&&DataTime=20240101115900;"
            + "02-Avg=12.3,02-Flag=N;03-Avg=45.6,03-Flag=P;01-Avg=3.2,01-Flag=D;S01-Avg=9.8,S01-Flag=N&&";

    private final Hjt2005Parser parser = new Hjt2005Parser();

    static String frame(String segment) {
        return new String(Hj212Replies.frame(segment), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void aMinutePacketOf2005IsReadAsItsEquivalentWithTheFlagsAsSent() {
        Hj212Parser.Result r = parser.parse(frame(MINUTE_2005));
        assertThat(r.ok()).as(() -> String.valueOf(r.rejection())).isTrue();
        Hj212Packet p = r.packet();
        // no QN in 2005 uploads: the data time and the command name the packet
        assertThat(p.qn()).isEqualTo("20240101115900051");
        assertThat(p.wantsReply()).isFalse();
        assertThat(p.mn()).isEqualTo("TEST2005GAS001");
        assertThat(p.segment()).isEqualTo(MINUTE_2005);
        Map<String, Character> flags = p.factors().stream()
                .collect(Collectors.toMap(FactorValue::code, FactorValue::flag));
        assertThat(flags).containsExactlyInAnyOrderEntriesOf(Map.of("a21026", 'N', "a21002", 'P', "a34013", 'D',
                "a19001", 'N'));
        assertThat(p.factors().stream().filter(v -> v.code().equals("a21002")).findFirst().orElseThrow().avg())
                .isEqualTo(45.6);
        // the same packet sent again gets the same QN, so it is stored once
        assertThat(parser.parse(frame(MINUTE_2005)).packet().qn()).isEqualTo(p.qn());
    }

    @Test
    void aFlagOf2005KeepsItsReplyBitAndAQnIsKept() {
        String segment = "QN=20240101120000123;ST=32;CN=2061;PW=123456;MN=TEST2005WATER01;Flag=1;"
                + "CP=&&DataTime=20240101110000;011-Avg=35.2,011-Flag=N;060-Avg=1.25,060-Flag=T&&";
        Hj212Parser.Result r = parser.parse(frame(segment));
        assertThat(r.ok()).as(() -> String.valueOf(r.rejection())).isTrue();
        assertThat(r.packet().qn()).isEqualTo("20240101120000123");
        assertThat(r.packet().wantsReply()).isTrue();
        assertThat(r.packet().factors()).extracting(FactorValue::code).containsExactly("w01018", "w21003");
        assertThat(r.packet().factors()).extracting(FactorValue::flag).containsExactly('N', 'T');
    }

    @Test
    void whatCannotBeReadIsRefusedWithTheRightReason() {
        // Flag with bits 2005 does not have
        assertThat(parser.parse(frame(MINUTE_2005.replace("MN=TEST2005GAS001;", "MN=TEST2005GAS001;Flag=9;")))
                .rejection().reason()).isEqualTo(Rejection.Reason.FLAG);
        // neither QN nor DataTime: nothing names the packet
        Hj212Parser.Result noTime = parser.parse(frame("ST=31;CN=2051;PW=123456;MN=TEST2005GAS001;CP=&&02-Avg=1&&"));
        assertThat(noTime.rejection().reason()).isEqualTo(Rejection.Reason.QN);
        assertThat(noTime.rejection().mn()).isEqualTo("TEST2005GAS001");
        // a wrong CRC, unless the logger's lenient mode names the Modbus CRC
        String f = frame(MINUTE_2005);
        String modbus = f.substring(0, f.length() - 6) + Hj212Crc.hex(Hj212Crc.modbus(MINUTE_2005)) + "\r\n";
        assertThat(parser.parse(modbus).rejection().reason()).isEqualTo(Rejection.Reason.CRC);
        Hj212Parser.Result tolerated = parser.parse(modbus.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                Set.of(Tolerance.MODBUS_CRC));
        assertThat(tolerated.ok()).isTrue();
        assertThat(tolerated.tolerated()).containsExactly(Tolerance.MODBUS_CRC);
        // a flag of more than one character is no flag of either edition
        assertThat(parser.parse(frame(MINUTE_2005.replace("03-Flag=P", "03-Flag=PP"))).rejection().reason())
                .isEqualTo(Rejection.Reason.CP);
    }

    @Test
    void mutatedPacketsOf2005NeverThrow() {
        Random r = new Random(212_2005);
        byte[][] seeds = {Mutator.bytes(frame(MINUTE_2005)), Mutator.bytes(frame("QN=20240101120000123;ST=32;CN=2061;"
                + "PW=123456;MN=TEST2005WATER01;Flag=1;CP=&&DataTime=20240101110000;011-Avg=35.2,011-Flag=N&&"))};
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] input = Mutator.mutate(r, seeds[r.nextInt(seeds.length)]);
            for (Set<Tolerance> tolerances : java.util.List.<Set<Tolerance>>of(Set.of(), EnumSet.allOf(Tolerance.class))) {
                Hj212Parser.Result[] got = new Hj212Parser.Result[1];
                assertThatCode(() -> got[0] = parser.parseUnguarded(input, tolerances)).as(() -> Mutator.show(input))
                        .doesNotThrowAnyException();
                assertThat(got[0].ok()).as(() -> Mutator.show(input)).isNotEqualTo(got[0].rejection() != null);
                if (got[0].ok()) {
                    accepted++;
                } else {
                    assertThat(got[0].rejection().detail()).isNotBlank().doesNotStartWith("无法解析的报文");
                }
            }
        }
        assertThat(accepted).as("accepted packets").isGreaterThan(1000);
    }
}
