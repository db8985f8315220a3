package org.capgov.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.capgov.identity.SystemActor;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Uscc;

/**
 * Enterprises and equipment for the measurement tests, created through the registry's services as the platform.
 * USCC bodies start with "M9" (this module's own range), so they never meet another test's enterprises.
 */
final class MeasurementFixtures {

    private MeasurementFixtures() {
    }

    static String uscc(String region, String body8) {
        return Uscc.compose("91", region, body8);
    }

    /** The enterprise (steel, in {@code region}), created if it does not exist yet, with blast furnaces BF1 and BF2. */
    static Enterprise steelWorks(EnterpriseService enterprises, EquipmentService equipment, String region, String body8) {
        String code = uscc(region, body8);
        return SystemActor.call(() -> {
            try {
                return enterprises.get(code);
            } catch (org.capgov.shared.DomainException e) {
                Enterprise created = enterprises.create(new EnterpriseDraft(code, "测试监测钢铁有限公司" + body8, region,
                        List.of("STEEL"), null, null, null, null, null, null, null, null));
                for (String bf : List.of("BF1", "BF2")) {
                    equipment.create(code, new EquipmentDraft(bf, null, "BLAST_FURNACE",
                            Map.of("volume_m3", 450, "purpose", "GENERAL"), "PIG_IRON", new BigDecimal("400000"),
                            LocalDate.of(2008, 5, 1), null, null, null));
                }
                return created;
            }
        });
    }

    /** POSTs a multipart/form-data body with one part {@code file}. */
    static HttpResponse<String> upload(int port, String token, String fileName, byte[] content) {
        String boundary = "----capgov-measurements-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/measurements/import"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
