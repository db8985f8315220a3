package org.capgov.telemetry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.capgov.telemetry.protocol.Hj212Crc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loggers registered over HTTP, then the verified packets of docs/reference/hj212.md §3 sent over real TCP to the
 * gateway: replies, stored values, retransmission, sticky / split / garbage input, refusals; then read back.
 */
class TelemetryGatewayIT extends IntegrationTest {

    static final String SET_INTERVAL = "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;"
            + "Flag=5;CP=&&RtdInterval=30&&1C80\r\n";
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
    static final String STACK_SEGMENT = "QN=20240101120000000;ST=31;CN=2051;PW=123456;MN=TESTGAS0000000000000001;Flag=4;"
            + "CP=&&DataTime=20240101115900;a21026-Avg=12.3,a21026-Flag=N;a21002-Avg=45.6,a21002-Flag=N;a34013-Avg=3.2,"
            + "a34013-Flag=N&&";
    static final String NOISE_SEGMENT = "QN=20160801085857223;ST=23;CN=2011;PW=123456;MN=010000A8900016F000169DC0;"
            + "Flag=5;CP=&&DataTime=20160801085857; LA-Rtd=50.1&&";

    @Autowired
    TelemetryGateway gateway;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    TestPeople testPeople;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int httpPort;

    final JsonMapper json = JsonMapper.builder().build();
    Http http;
    String coordinator;
    static Enterprise plant;

    static String frame(String segment) {
        return "##" + String.format("%04d", segment.length()) + segment + Hj212Crc.hex(Hj212Crc.of(segment)) + "\r\n";
    }

    @BeforeEach
    void setUp() {
        http = Http.api(httpPort);
        testPeople.ensure(Role.COORDINATOR);
        coordinator = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        if (plant == null) {
            plant = SystemActor.call(() -> {
                String uscc = Uscc.compose("91", "500102", "T2120001");
                Enterprise e = enterprises.create(new EnterpriseDraft(uscc, "测试在线监测钢铁有限公司", "500102",
                        List.of("STEEL"), null, null, null, null, null, null, null, null));
                equipment.create(uscc, new EquipmentDraft("BF1", null, "BLAST_FURNACE",
                        Map.of("volume_m3", 450, "purpose", "GENERAL"), "PIG_IRON", new BigDecimal("400000"),
                        LocalDate.of(2008, 5, 1), null, null, null));
                return e;
            });
            register("010000A8900016F000169DC0", "100000", "32", "{\"w01018\":\"ww_cod_conc\"}", null);
            register("81733553213013", "123456", "32", "{\"w01018\":\"ww_cod_conc\"}", null);
            register("JLYP01_AIR01_0001", "123456", "22", "{\"a21026\":\"so2_conc\"}", null);
            register("TESTGAS0000000000000001", "123456", "31",
                    "{\"a21026\":\"so2_conc\",\"a21002\":\"nox_conc\",\"a34013\":\"pm_conc\"}", "BF1");
        }
    }

    private HttpResponse<String> post(String mn, String pw, String st, String uscc, String factors, String equipmentRef) {
        return http.json("POST", "/api/v1/telemetry/loggers", coordinator, "{\"mn\":\"" + mn + "\",\"password\":\"" + pw
                + "\",\"st\":\"" + st + "\",\"uscc\":\"" + uscc + "\",\"factors\":" + factors
                + (equipmentRef == null ? "" : ",\"equipmentRef\":\"" + equipmentRef + "\"")
                + ",\"monitoringPoint\":\"STACK\"}");
    }

    private void register(String mn, String pw, String st, String factors, String equipmentRef) {
        HttpResponse<String> r = post(mn, pw, st, plant.uscc(), factors, equipmentRef);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @Test
    void registrationStoresAHashAuditsAndNamesTheFieldAtFault() {
        byte[] hash = jdbc.sql("select password_hash from telemetry_logger where mn = 'TESTGAS0000000000000001'")
                .query(byte[].class).single();
        assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain("123456");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'telemetry_logger' and entity_id = :u")
                .param("u", plant.uscc()).query(Long.class).single()).isEqualTo(4);
        HttpResponse<String> unknownMetric = post("TESTX1", "123456", "31", plant.uscc(), "{\"a21026\":\"so2_mass\"}",
                null);
        assertThat(unknownMetric.statusCode()).as(unknownMetric.body()).isEqualTo(400);
        assertThat(unknownMetric.body()).contains("\"field\":\"factors.a21026\"");
        HttpResponse<String> unknownEnterprise = post("TESTX1", "123456", "31", Uscc.compose("91", "500102", "T2129999"),
                "{\"a21026\":\"so2_conc\"}", null);
        assertThat(unknownEnterprise.statusCode()).isEqualTo(400);
        assertThat(unknownEnterprise.body()).contains("\"field\":\"uscc\"");
        HttpResponse<String> unknownEquipment = post("TESTX1", "123456", "31", plant.uscc(), "{\"a21026\":\"so2_conc\"}",
                "BF9");
        assertThat(unknownEquipment.body()).contains("\"field\":\"equipmentRef\"");
        assertThat(post("TESTGAS0000000000000001", "123456", "31", plant.uscc(), "{\"a21026\":\"so2_conc\"}", null)
                .statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from telemetry_logger where mn = 'TESTX1'").query(Long.class).single())
                .isZero();
        testPeople.ensure(Role.ENTERPRISE);
        String enterprise = http.token(TestPeople.username(Role.ENTERPRISE), TestPeople.PASSWORD);
        assertThat(http.json("POST", "/api/v1/telemetry/loggers", enterprise, "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void theVerifiedPacketsAreAnsweredStoredOnceAndReadBack() throws IOException {
        try (Socket s = connect()) {
            send(s, SET_INTERVAL);
            assertThat(readFrame(s)).contains("QN=20160801085857223;ST=91;CN=9011").contains("CP=&&QnRtn=2&&");
            send(s, WASTEWATER);
            send(s, AIR);
            String stackWithReply = STACK_SEGMENT.replace("Flag=4", "Flag=5");
            send(s, frame(stackWithReply));
            // packets with Flag=4 get no answer: the next answer is the stack packet's data reply
            String reply = readFrame(s);
            assertThat(reply).contains("QN=20240101120000000;ST=91;CN=9014;PW=123456;MN=TESTGAS0000000000000001");
            assertThat(reply).isEqualTo(frame(reply.substring(6, reply.length() - 6)));
            send(s, frame(stackWithReply));
            assertThat(readFrame(s)).contains("QN=20240101120000000;ST=91;CN=9014");
            send(s, frame(NOISE_SEGMENT));
            assertThat(readFrame(s)).contains("QN=20160801085857223;ST=91;CN=9011").contains("QnRtn=100");
        }
        assertThat(packets("TESTGAS0000000000000001", "20240101120000000")).isEqualTo(1);
        assertThat(packets("81733553213013", "20210320163101890")).isEqualTo(1);
        assertThat(packets("JLYP01_AIR01_0001", "20220513162608370")).isEqualTo(1);
        assertThat(packets("010000A8900016F000169DC0", "20160801085857223")).isZero();
        assertThat(jdbc.sql("""
                select v.rtd from telemetry_value v join telemetry_packet p on p.id = v.packet_id
                where p.qn = '20210320163101890' and v.factor = 'w01018'""").query(Double.class).single())
                .isEqualTo(194.2);
        assertThat(jdbc.sql("select raw from telemetry_packet where qn = '20220513162608370'").query(String.class)
                .single()).isEqualTo(AIR.substring(6, AIR.length() - 6));

        HttpResponse<String> r = http.json("GET", "/api/v1/telemetry/loggers/TESTGAS0000000000000001/values"
                + "?from=2024-01-01T00:00:00&to=2024-01-01T12:00:00", coordinator, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode items = json.readTree(r.body()).get("items");
        assertThat(items).hasSize(3);
        JsonNode so2 = items.get(1);
        assertThat(so2.get("factor").asText()).isEqualTo("a21026");
        assertThat(so2.get("metric").asText()).isEqualTo("so2_conc");
        assertThat(so2.get("value").asDouble()).isEqualTo(12.3);
        assertThat(so2.get("unit").asText()).isEqualTo("mg/m3");
        assertThat(so2.get("flag").asText()).isEqualTo("N");
        assertThat(so2.get("valid").asBoolean()).isTrue();
        assertThat(so2.get("qn").asText()).isEqualTo("20240101120000000");
        assertThat(so2.get("dataTime").asText()).startsWith("2024-01-01T11:59");
    }

    @Test
    void onlyFlagNIsValid() throws IOException {
        String fault = STACK_SEGMENT.replace("QN=20240101120000000", "QN=20240101120100000")
                .replace("DataTime=20240101115900", "DataTime=20240101120000")
                .replace("a34013-Flag=N", "a34013-Flag=D").replace("Flag=4", "Flag=5");
        try (Socket s = connect()) {
            send(s, frame(fault));
            assertThat(readFrame(s)).contains("QN=20240101120100000;ST=91;CN=9014");
        }
        JsonNode items = json.readTree(http.json("GET", "/api/v1/telemetry/loggers/TESTGAS0000000000000001/values"
                + "?from=2024-01-01T12:00:00&to=2024-01-01T12:01:00", coordinator, null).body()).get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(2).get("factor").asText()).isEqualTo("a34013");
        assertThat(items.get(2).get("flag").asText()).isEqualTo("D");
        assertThat(items.get(2).get("valid").asBoolean()).isFalse();
        assertThat(items.get(0).get("valid").asBoolean()).isTrue();
    }

    @Test
    void stickySplitAndGarbageInputAreFramed() throws Exception {
        String a = frame(STACK_SEGMENT.replace("QN=20240101120000000", "QN=20240102120000000")
                .replace("DataTime=20240101115900", "DataTime=20240102115900").replace("Flag=4", "Flag=5"));
        String b = frame(STACK_SEGMENT.replace("QN=20240101120000000", "QN=20240102120100000")
                .replace("DataTime=20240101115900", "DataTime=20240102120000").replace("Flag=4", "Flag=5"));
        try (Socket s = connect()) {
            send(s, "garbage\r\n#" + a + b);
            assertThat(readFrame(s)).contains("QN=20240102120000000;ST=91;CN=9014");
            assertThat(readFrame(s)).contains("QN=20240102120100000;ST=91;CN=9014");
            String c = frame(STACK_SEGMENT.replace("QN=20240101120000000", "QN=20240102120200000")
                    .replace("DataTime=20240101115900", "DataTime=20240102120100").replace("Flag=4", "Flag=5"));
            send(s, c.substring(0, 4));
            Thread.sleep(100);
            send(s, c.substring(4, 60));
            Thread.sleep(100);
            send(s, c.substring(60));
            assertThat(readFrame(s)).contains("QN=20240102120200000;ST=91;CN=9014");
        }
        assertThat(jdbc.sql("select count(*) from telemetry_packet where qn like '202401021%'").query(Long.class)
                .single()).isEqualTo(3);
    }

    @Test
    void refusalsAreAnsweredAndNeverStored() throws IOException {
        String badCrc = frame(STACK_SEGMENT.replace("QN=20240101120000000", "QN=20240103120000000"));
        badCrc = badCrc.substring(0, badCrc.length() - 6) + "0000\r\n";
        String unknownMn = frame(STACK_SEGMENT.replace("QN=20240101120000000", "QN=20240103120100000")
                .replace("TESTGAS0000000000000001", "TESTGAS0000000000000999"));
        String wrongPw = frame(STACK_SEGMENT.replace("QN=20240101120000000", "QN=20240103120200000")
                .replace("PW=123456", "PW=654321"));
        try (Socket s = connect()) {
            send(s, badCrc);
            assertThat(readFrame(s)).contains("QN=20240103120000000;ST=91;CN=9011").contains("QnRtn=9&&");
            send(s, unknownMn);
            assertThat(readFrame(s)).contains("QN=20240103120100000;ST=91;CN=9011").contains("QnRtn=4&&");
            send(s, wrongPw);
            assertThat(readFrame(s)).contains("QN=20240103120200000;ST=91;CN=9011").contains("QnRtn=3&&");
        }
        assertThat(jdbc.sql("select count(*) from telemetry_packet where qn like '202401031%'").query(Long.class)
                .single()).isZero();
        try (Socket s = connect()) {
            // over the limit of 2000 bytes set above: the line is closed
            send(s, "##5000QN=");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void heartbeatsAreAnsweredAndRecordedNotStored() throws IOException {
        String beat = frame("QN=20240104120000000;ST=31;CN=9013;PW=123456;MN=TESTGAS0000000000000001;Flag=5;CP=&&&&");
        try (Socket s = connect()) {
            send(s, beat);
            assertThat(readFrame(s)).contains("QN=20240104120000000;ST=91;CN=9013");
        }
        assertThat(packets("TESTGAS0000000000000001", "20240104120000000")).isZero();
        assertThat(jdbc.sql("select last_heartbeat_at is not null from telemetry_logger where mn = 'TESTGAS0000000000000001'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void lenientModeTakesOnlyTheNamedDeviationsAndCountsThem() throws IOException {
        String mn = "LENIENTGAS00000000000001";
        register(mn, "123456", "31", "{\"a21026\":\"so2_conc\",\"a34013\":\"pm_conc\"}", null);
        String segment = "QN=20240105120000000;ST=31;CN=2051;PW=123456;MN=" + mn + ";Flag=5;CP=&&DataTime=20240105115900;"
                + "02-Avg=12.3,02-Flag=N;01-Avg=3.2,01-Flag=N&&";
        String modbus = "##" + String.format("%04d", segment.length()) + segment + Hj212Crc.hex(Hj212Crc.modbus(segment))
                + "\r\n";
        String wrongLength = "##0001" + segment.replace("QN=20240105120000000", "QN=20240105120100000")
                + Hj212Crc.hex(Hj212Crc.of(segment.replace("QN=20240105120000000", "QN=20240105120100000"))) + "\r\n";
        try (Socket s = connect()) {
            // strict: refused with the CRC and length errors, nothing stored
            send(s, modbus);
            assertThat(readFrame(s)).contains("CN=9011").contains("QnRtn=9&&");
            send(s, wrongLength);
            assertThat(readFrame(s)).contains("CN=9011").contains("QnRtn=100&&");
        }
        assertThat(packets(mn, "20240105120000000") + packets(mn, "20240105120100000")).isZero();
        HttpResponse<String> r = http.json("PUT", "/api/v1/telemetry/loggers/" + mn + "/tolerances", coordinator,
                "{\"tolerances\":[\"MODBUS_CRC\",\"WRONG_LENGTH\",\"FACTOR_CODES_2005\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(http.json("PUT", "/api/v1/telemetry/loggers/" + mn + "/tolerances", coordinator,
                "{\"tolerances\":[\"ANYTHING\"]}").body()).contains("tolerances").contains("未知的宽容项");
        try (Socket s = connect()) {
            send(s, modbus);
            assertThat(readFrame(s)).contains("QN=20240105120000000;ST=91;CN=9014");
            send(s, wrongLength);
            assertThat(readFrame(s)).contains("QN=20240105120100000;ST=91;CN=9014");
        }
        assertThat(jdbc.sql("""
                select string_agg(v.factor || ':' || coalesce(v.metric, ''), ',' order by v.factor) from telemetry_value v
                join telemetry_packet p on p.id = v.packet_id where p.qn = '20240105120000000'""").query(String.class)
                .single()).isEqualTo("a21026:so2_conc,a34013:pm_conc");
        assertThat(jdbc.sql("""
                select string_agg(u.tolerance || '=' || u.uses, ',' order by u.tolerance) from telemetry_tolerance_use u
                join telemetry_logger l on l.id = u.logger_id where l.mn = :mn""").param("mn", mn).query(String.class)
                .single()).isEqualTo("FACTOR_CODES_2005=2,MODBUS_CRC=1,WRONG_LENGTH=1");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'telemetry_logger' and action = 'UPDATE' "
                + "and after_state like '%WRONG_LENGTH%'").query(Long.class).single()).isPositive();
    }

    private long packets(String mn, String qn) {
        return jdbc.sql("""
                select count(*) from telemetry_packet p join telemetry_logger l on l.id = p.logger_id
                where l.mn = :mn and p.qn = :qn""").param("mn", mn).param("qn", qn).query(Long.class).single();
    }

    private Socket connect() throws IOException {
        assertThat(gateway.port()).isPositive();
        Socket s = new Socket("127.0.0.1", gateway.port());
        s.setSoTimeout(15_000);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** One reply frame, up to and including CRLF. */
    private static String readFrame(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed after " + b);
            }
            b.write(c);
            if (prev == '\r' && c == '\n') {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
            prev = c;
        }
    }
}
