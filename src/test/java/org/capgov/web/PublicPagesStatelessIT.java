package org.capgov.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Reading any public page creates no server session: no session cookie is ever set (issue 14, item 12). */
class PublicPagesStatelessIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void noPublicPageSetsASessionCookie() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> stateful = new ArrayList<>();
        int pages = 0;
        for (var row : EndpointAuthorizationMatrixIT.matrix()) {
            if (!row.method().equals("GET") || !row.pattern().startsWith("/public")) {
                continue;
            }
            pages++;
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + row.samplePath())).header("Accept", "text/html").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(row.samplePath()).isLessThan(500);
                if (r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID"))) {
                    stateful.add(row.samplePath() + " → " + r.headers().allValues("Set-Cookie"));
                }
            }
        }
        assertThat(pages).isGreaterThan(3);
        assertThat(stateful).as("public pages that created a session").isEmpty();
    }
}
