package org.capgov.telemetry.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.capgov.telemetry.protocol.Rejection.Reason;
import org.junit.jupiter.api.Test;

/** The verified packets of docs/reference/hj212.md §3 as test vectors, and broken variants of them. */
class Hj212ParserTest {

    static final String SET_INTERVAL = "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;"
            + "Flag=5;CP=&&RtdInterval=30&&1C80\r\n";
    static final String NOISE_SEGMENT = "QN=20160801085857223;ST=23;CN=2011;PW=123456;MN=010000A8900016F000169DC0;"
            + "Flag=5;CP=&&DataTime=20160801085857; LA-Rtd=50.1&&";
    static final String WASTEWATER = "##0457QN=20210320163101890;ST=32;CN=2011;PW=123456;MN=81733553213013;Flag=4;"
            + "CP=&&DataTime=20210320013400;w00000-Rtd=181.682,w00000-Flag=N;w21001-SampleTime=20210320005400,"
            + "w21001-Rtd=45.160,w21001-Flag=N;w21011-SampleTime=20210320013400,w21011-Rtd=1.970,w21011-Flag=N;"
            + "w21003-SampleTime=20210320013400,w21003-Rtd=53.131,w21003-Flag=N;w01018-SampleTime=20210320013400,"
            + "w01018-Rtd=194.200,w01018-Flag=N;w01001-SampleTime=20210320013406,w01001-Rtd=7.496,w01001-Flag=N&&6E80\r\n";
    static final String AIR = "##0411QN=20220513162608370;ST=22;CN=2051;PW=123456;MN=JLYP01_AIR01_0001;Flag=4;"
            + "CP=&&DataTime=20220513162600;a21004-Avg=4,a21004-Flag=N;a05024-Avg=63,a05024-Flag=N;a21026-Avg=6,"
            + "a21026-Flag=N;a21005-Avg=0.427,a21005-Flag=N;a34004-Avg=14,a34004-Flag=N;a34002-Avg=31,a34002-Flag=N;"
            + "a01007-Avg=1,a01007-Flag=N;a01008-Avg=11,a01008-Flag=N;a01001-Avg=17,a01001-Flag=N;a01002-Avg=85,"
            + "a01002-Flag=N;a01006-Avg=95,a01006-Flag=N&&D641\r\n";
    static final String STACK = "##0198QN=20240101120000000;ST=31;CN=2051;PW=123456;MN=TESTGAS0000000000000001;Flag=4;"
            + "CP=&&DataTime=20240101115900;a21026-Avg=12.3,a21026-Flag=N;a21002-Avg=45.6,a21002-Flag=N;a34013-Avg=3.2,"
            + "a34013-Flag=N&&21C0\r\n";

    private final Hj212Parser parser = new Hj212Parser();

    /** A frame around a segment with the length and CRC computed, for building broken variants. */
    static String frame(String segment) {
        return "##" + String.format("%04d", segment.length()) + segment + Hj212Crc.hex(Hj212Crc.of(segment)) + "\r\n";
    }

    static String segmentOf(String frame) {
        return frame.substring(6, frame.length() - 6);
    }

    @Test
    void crcMatchesTheVerifiedPacketsAndIsNotModbus() {
        assertThat(Hj212Crc.hex(Hj212Crc.of(segmentOf(SET_INTERVAL)))).isEqualTo("1C80");
        assertThat(Hj212Crc.hex(Hj212Crc.of(NOISE_SEGMENT))).isEqualTo("1E00");
        assertThat(NOISE_SEGMENT).hasSize(123);
        assertThat(Hj212Crc.hex(Hj212Crc.of(segmentOf(WASTEWATER)))).isEqualTo("6E80");
        assertThat(Hj212Crc.hex(Hj212Crc.of(segmentOf(AIR)))).isEqualTo("D641");
        assertThat(Hj212Crc.hex(Hj212Crc.of(segmentOf(STACK)))).isEqualTo("21C0");
        // the Modbus CRC of the standard's example, which parsers often compute by mistake
        assertThat(Hj212Crc.hex(Hj212Crc.of(segmentOf(SET_INTERVAL)))).isNotEqualTo("0759");
    }

    @Test
    void aCommandKeepsItsParameters() {
        Hj212Packet p = parser.parse(SET_INTERVAL).packet();
        assertThat(p.qn()).isEqualTo("20160801085857223");
        assertThat(p.qnTime()).isEqualTo(LocalDateTime.of(2016, 8, 1, 8, 58, 57, 223_000_000));
        assertThat(p.cn()).isEqualTo("1062");
        assertThat(p.mn()).isEqualTo("010000A8900016F000169DC0");
        assertThat(p.wantsReply()).isTrue();
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.parameters()).containsEntry("RtdInterval", "30");
        assertThat(p.factors()).isEmpty();
        assertThat(p.dataTime()).isNull();
    }

    @Test
    void realTimeWastewaterDataIsTyped() {
        Hj212Packet p = parser.parse(WASTEWATER).packet();
        assertThat(p.wantsReply()).isFalse();
        assertThat(p.dataTime()).isEqualTo(LocalDateTime.of(2021, 3, 20, 1, 34));
        assertThat(p.factors()).extracting(FactorValue::code)
                .containsExactly("w00000", "w21001", "w21011", "w21003", "w01018", "w01001");
        FactorValue cod = p.factors().get(4);
        assertThat(cod.rtd()).isEqualTo(194.2);
        assertThat(cod.value()).isEqualTo(194.2);
        assertThat(cod.avg()).isNull();
        assertThat(cod.flag()).isEqualTo('N');
        assertThat(cod.sampleTime()).isEqualTo("20210320013400");
        assertThat(p.segment()).isEqualTo(segmentOf(WASTEWATER));
    }

    @Test
    void minuteDataOfAmbientAirAndOfAStackIsTyped() {
        Hj212Packet air = parser.parse(AIR).packet();
        assertThat(air.cn()).isEqualTo("2051");
        assertThat(air.factors()).hasSize(11);
        assertThat(air.factors().get(3).code()).isEqualTo("a21005");
        assertThat(air.factors().get(3).avg()).isEqualTo(0.427);
        Hj212Packet stack = parser.parse(STACK).packet();
        assertThat(stack.factors()).extracting(FactorValue::code, FactorValue::avg, FactorValue::flag)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a21026", 12.3, 'N'),
                        org.assertj.core.groups.Tuple.tuple("a21002", 45.6, 'N'),
                        org.assertj.core.groups.Tuple.tuple("a34013", 3.2, 'N'));
    }

    @Test
    void aFactorCodeWithASpaceIsRefusedThoughTheCrcHolds() {
        Rejection r = parser.parse(frame(NOISE_SEGMENT)).rejection();
        assertThat(r.reason()).isEqualTo(Reason.CP);
        assertThat(r.field()).isEqualTo(" LA-Rtd");
        assertThat(r.qn()).isEqualTo("20160801085857223");
        assertThat(r.mn()).isEqualTo("010000A8900016F000169DC0");
    }

    @Test
    void aWrongCrcIsRefusedWithQnRtn9AndTheHeaderStillRead() {
        Rejection r = parser.parse(STACK.replace("21C0", "21C1")).rejection();
        assertThat(r.reason()).isEqualTo(Reason.CRC);
        assertThat(r.reason().qnRtn()).isEqualTo(9);
        assertThat(r.detail()).contains("21C1").contains("21C0");
        assertThat(r.qn()).isEqualTo("20240101120000000");
        assertThat(r.mn()).isEqualTo("TESTGAS0000000000000001");
        // the Modbus CRC of the example is refused too
        assertThat(parser.parse(SET_INTERVAL.replace("1C80", "0759")).rejection().reason()).isEqualTo(Reason.CRC);
    }

    @Test
    void aWrongLengthOrFramingIsRefused() {
        assertThat(parser.parse(STACK.replace("##0198", "##0197")).rejection().reason()).isEqualTo(Reason.LENGTH);
        assertThat(parser.parse(STACK.replace("##0198", "##01x8")).rejection().reason()).isEqualTo(Reason.LENGTH);
        assertThat(parser.parse(STACK.substring(0, STACK.length() - 2)).rejection().reason()).isEqualTo(Reason.FRAME);
        assertThat(parser.parse("X" + STACK.substring(1)).rejection().reason()).isEqualTo(Reason.FRAME);
        assertThat(parser.parse("").rejection().reason()).isEqualTo(Reason.FRAME);
        assertThat(parser.parse(new byte[] {'#', '#'}).rejection().reason()).isEqualTo(Reason.FRAME);
    }

    @Test
    void eachMandatoryFieldIsNamedWhenMissingOrWrong() {
        String s = segmentOf(STACK);
        assertRejected(s.replace("QN=20240101120000000;", ""), Reason.QN, "QN");
        assertRejected(s.replace("QN=20240101120000000", "QN=20241301120000000"), Reason.QN, "QN");
        assertRejected(s.replace("ST=31;", ""), Reason.ST, "ST");
        assertRejected(s.replace("ST=31", "ST=99"), Reason.ST, "ST");
        assertRejected(s.replace("CN=2051", "CN=2999"), Reason.CN, "CN");
        assertRejected(s.replace("PW=123456;", ""), Reason.PW, "PW");
        assertRejected(s.replace("PW=123456", "PW=1234567"), Reason.PW, "PW");
        assertRejected(s.replace("MN=TESTGAS0000000000000001;", ""), Reason.MN, "MN");
        assertRejected(s.replace("Flag=4;", ""), Reason.FLAG, "Flag");
        assertRejected(s.replace("Flag=4", "Flag=1"), Reason.FLAG, "Flag");
        assertRejected(s.replace("Flag=4", "Flag=6"), Reason.FIELD, "PNUM");
        assertRejected(s.replace("CP=&&", "XP=&&"), Reason.CP, "CP");
        assertRejected(s.replace("ST=31", "ST=31;XX=1"), Reason.FIELD, "XX");
        assertRejected(s.replace("ST=31", "ST=31;ST=31"), Reason.FIELD, "ST");
    }

    @Test
    void badValuesInsideCpAreNamed() {
        String s = segmentOf(STACK);
        assertRejected(s.replace("a21026-Avg=12.3", "a21026-Avg=1e3"), Reason.CP, "a21026-Avg");
        assertRejected(s.replace("a21026-Avg=12.3", "a21026-Avg=NaN"), Reason.CP, "a21026-Avg");
        assertRejected(s.replace("a21026-Avg=12.3", "a21026-Avg=12."), Reason.CP, "a21026-Avg");
        assertRejected(s.replace("a21026-Flag=N", "a21026-Flag=X"), Reason.CP, "a21026-Flag");
        assertRejected(s.replace("a21026-Flag=N", "a21026-Odd=1"), Reason.CP, "a21026-Odd");
        assertRejected(s.replace("a21026-Flag=N", "a21026-Avg=1"), Reason.CP, "a21026-Avg");
        assertRejected(s.replace("DataTime=20240101115900", "DataTime=20240101116000"), Reason.CP, "DataTime");
        assertRejected(s.replace("DataTime=20240101115900;", ""), Reason.CP, "DataTime");
        assertRejected(s.replace(";a21002", ";;a21002"), Reason.CP, "CP");
        assertThat(parser.parse(frame(s.replace("a21026-Avg=12.3", "a21026-Avg=-0.5"))).packet().factors().get(0).avg())
                .isEqualTo(-0.5);
    }

    @Test
    void everyDataFlagOf2017IsKept() {
        for (char flag : Hj212Codes.FLAGS.toCharArray()) {
            Hj212Packet p = parser.parse(frame(segmentOf(STACK).replace("a21026-Flag=N", "a21026-Flag=" + flag))).packet();
            assertThat(p.factors().get(0).flag()).isEqualTo(flag);
        }
    }

    @Test
    void nonAsciiBytesAreRefusedNotDecoded() {
        String s = segmentOf(STACK).replace("a21026-Avg=12.3", "a21026-Avg=12\u00e93");
        assertRejected(s, Reason.FIELD, "segment");
    }

    private void assertRejected(String segment, Reason reason, String field) {
        Hj212Parser.Result r = parser.parse(frame(segment));
        assertThat(r.ok()).as(segment).isFalse();
        assertThat(r.rejection().reason()).as(segment).isEqualTo(reason);
        assertThat(r.rejection().field()).as(segment).isEqualTo(field);
        assertThat(r.rejection().detail()).isNotBlank();
    }
}
