package org.capgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description that Swagger UI reads: a bearer scheme required globally (so Swagger UI offers Authorize),
 * and every operation summarised in Chinese and English.
 */
class ApiDocumentationIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    @Test
    void swaggerUiCanAuthorizeAndEveryOperationIsDescribedInBothLanguages() {
        HttpResponse<String> r = Http.api(port).get("/v3/api-docs");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = json.readTree(r.body());
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(doc.at("/security/0").has("bearer")).isTrue();
        List<String> undescribed = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String summary = op.getValue().path("summary").asString("");
            if (!summary.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)
                    || !summary.codePoints().anyMatch(c -> c >= 'A' && c <= 'z')) {
                undescribed.add(op.getKey().toUpperCase() + " " + path.getKey() + " «" + summary + "»");
            }
        }));
        assertThat(undescribed).as("operations without a Chinese and English summary").isEmpty();
        HttpResponse<String> ui = Http.api(port).get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
    }
}
