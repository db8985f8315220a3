package org.capgov.telemetry.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.shared.Uscc;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.capgov.telemetry.protocol.Hj212Crc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A logger registered as HJ/T 212-2005 over real TCP (docs/reference/hj212.md §12, reading T5): its uploads without QN,
 * with 2005 factor codes and a 2005-only flag are answered, stored with the flags as sent and read back, the P value
 * not valid; a 2005 packet that cannot be read gets a refusal or a closed line, never a stored half; the same packet
 * under a 2017 registration is refused. An unknown edition is refused at registration, naming the field.
 */
class Telemetry2005GatewayIT extends IntegrationTest {

    static final String MN = "OLD2005GAS0001";
    static final String MN_2017 = "OLD2005GAS0002";
    static final String UPLOAD = "ST=31;CN=2051;PW=200500;MN=" + MN + ";Flag=1;CP=&&DataTime=20240301101000;"
            + "02-Avg=12.3,02-Flag=N;03-Avg=45.6,03-Flag=P;S01-Avg=9.8,S01-Flag=N&&";

    @Autowired
    TelemetryGateway gateway;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    TestPeople people;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aLoggerOf2005IsReadStoredWithItsFlagsAndRefusedWhereUnreadable() throws Exception {
        people.ensure(Role.COORDINATOR);
        String uscc = Uscc.compose("91", "500102", "T2120176");
        SystemActor.run(() -> enterprises.create(new EnterpriseDraft(uscc, "测试旧版数采仪化工有限公司", "500102",
                List.of("CEMENT"), null, null, null, null, null, null, null, null)));
        Http http = Http.api(port);
        String token = http.token(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        HttpResponse<String> unknown = http.json("POST", "/api/v1/telemetry/loggers", token, body(MN, uscc, "HJ212_1999"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"protocol\"").contains("传输标准");
        for (Map.Entry<String, String> e : Map.of(MN, "HJT212_2005", MN_2017, "HJ212_2017").entrySet()) {
            HttpResponse<String> r = http.json("POST", "/api/v1/telemetry/loggers", token, body(e.getKey(), uscc,
                    e.getValue()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(r.body()).contains("\"protocol\":\"" + e.getValue() + "\"");
        }
        try (Socket s = connect()) {
            // answered with the QN the packet is stored under, twice; stored once
            for (int i = 0; i < 2; i++) {
                send(s, frame(UPLOAD));
                String reply = readFrame(s);
                assertThat(reply).contains("CN=9014").contains("QN=20240301101000051").contains("MN=" + MN);
            }
        }
        List<Map<String, Object>> stored = jdbc.sql("""
                select p.qn, p.raw, v.factor, v.flag from telemetry_packet p join telemetry_value v on v.packet_id = p.id
                join telemetry_logger l on l.id = p.logger_id where l.mn = :mn order by v.factor""").param("mn", MN)
                .query().listOfRows();
        assertThat(stored).hasSize(3);
        assertThat(stored).allSatisfy(row -> {
            assertThat(row.get("qn")).isEqualTo("20240301101000051");
            assertThat(row.get("raw")).isEqualTo(UPLOAD);
        });
        assertThat(stored).extracting(row -> row.get("factor") + "=" + row.get("flag").toString().strip())
                .containsExactly("a19001=N", "a21002=P", "a21026=N");
        String values = http.get("/api/v1/telemetry/loggers/" + MN + "/values?from=2024-03-01T00:00:00&to=2024-03-02T00:00:00",
                token).body();
        assertThat(values).contains("\"factor\":\"a21002\"").contains("\"flag\":\"P\",\"valid\":false")
                .contains("\"flag\":\"N\",\"valid\":true");

        try (Socket s = connect()) {
            // a wrong CRC: refused with QnRtn 9 under the QN the packet would have had, nothing stored
            String bad = frame(UPLOAD.replace("12.3", "99.9"));
            send(s, bad.substring(0, bad.length() - 6) + Hj212Crc.hex(Hj212Crc.of(UPLOAD)) + "\r\n");
            assertThat(readFrame(s)).contains("CN=9011").contains("QnRtn=9");
            // Flag bits 2005 does not have, and no QN to answer to: the line is closed
            send(s, frame(UPLOAD.replace("Flag=1", "Flag=9")));
            assertThatThrownBy(() -> readFrame(s)).isInstanceOf(IOException.class);
        }
        assertThat(jdbc.sql("""
                select count(*) from telemetry_packet p join telemetry_logger l on l.id = p.logger_id where l.mn = :mn""")
                .param("mn", MN).query(Long.class).single()).isEqualTo(1L);
        try (Socket s = connect()) {
            // the same upload from a logger registered as 2017: no QN, so refused by closing the line
            send(s, frame(UPLOAD.replace(MN, MN_2017)));
            assertThatThrownBy(() -> readFrame(s)).isInstanceOf(IOException.class);
        }
        assertThat(jdbc.sql("""
                select count(*) from telemetry_packet p join telemetry_logger l on l.id = p.logger_id where l.mn = :mn""")
                .param("mn", MN_2017).query(Long.class).single()).isZero();
    }

    private static String body(String mn, String uscc, String protocol) {
        return "{\"mn\":\"" + mn + "\",\"password\":\"200500\",\"st\":\"31\",\"uscc\":\"" + uscc + "\","
                + "\"factors\":{\"a21026\":\"so2_conc\",\"a21002\":\"nox_conc\"},\"monitoringPoint\":\"STACK\","
                + "\"protocol\":\"" + protocol + "\"}";
    }

    static String frame(String segment) {
        return "##" + String.format("%04d", segment.length()) + segment + Hj212Crc.hex(Hj212Crc.of(segment)) + "\r\n";
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", gateway.port());
        s.setSoTimeout(15_000);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

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
