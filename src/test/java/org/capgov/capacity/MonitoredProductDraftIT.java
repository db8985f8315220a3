package org.capgov.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.capgov.capacity.warning.WarningCatalogue;
import org.capgov.identity.Role;
import org.capgov.shared.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A catalogue draft adds a product to the monitored list of seed 000 二、（八）: refused without its citation or for an
 * unknown product, audited, and monitored once the draft is published (the list still partial of 57). The test puts
 * the published catalogue back (removes the entry) so that later tests see the data files' list.
 */
class MonitoredProductDraftIT extends CapacityFixtures {

    @Autowired
    WarningCatalogue catalogue;

    private HttpResponse<String> send(String coordinator, String label, String path, String body) {
        return http.json("POST", "/api/v1/catalog/drafts/" + label + path, coordinator, body);
    }

    @Test
    void aPublishedDraftAddsAMonitoredProductWithItsCitation() {
        String coordinator = token(Role.COORDINATOR);
        for (JsonNode v : json.readTree(http.get("/api/v1/catalog/versions", coordinator).body())) {
            if (v.get("state").asString().equals("DRAFT")) {
                http.json("POST", "/api/v1/catalog/drafts/" + v.get("label").asString() + "/discard", coordinator, "");
            }
        }
        HttpResponse<String> created = http.json("POST", "/api/v1/catalog/drafts", coordinator, "");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String label = json.readTree(created.body()).get("label").asString();
        assertThat(catalogue.monitored().products()).doesNotContain(Product.LIME);

        String good = """
                {"product":"LIME","documentId":"cq-2014-3","effectiveFrom":"2014-01-21",
                 "citation":{"section":"二、（八）","text":"对纳入监测的57种工业产品"}}""";
        for (String[] bad : new String[][] {{good.replace("LIME", "GOLD"), "product"},
                {good.replace("cq-2014-3", "no-such-doc"), "documentId"},
                {good.replace(",\n \"citation\":{\"section\":\"二、（八）\",\"text\":\"对纳入监测的57种工业产品\"}", ""), "citation"},
                {good.replace("\"text\":\"对纳入监测的57种工业产品\"", "\"text\":\"\""), "citation.text"},
                {good.replace("2014-01-21", "21.1.2014"), "effectiveFrom"}}) {
            HttpResponse<String> r = send(coordinator, label, "/monitored-products", bad[0]);
            assertThat(r.statusCode()).as(bad[0] + " " + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("field").asString()).as(r.body()).isEqualTo(bad[1]);
        }
        HttpResponse<String> added = send(coordinator, label, "/monitored-products", good);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json.readTree(added.body()).get("id").asString()).isEqualTo("MONITORED-LIME");
        assertThat(send(coordinator, label, "/monitored-products", good).statusCode()).isEqualTo(400);
        assertThat(http.json("POST", "/api/v1/catalog/drafts/" + label + "/monitored-products",
                token(Role.FINANCIAL_INSTITUTION), good).statusCode()).isEqualTo(403);
        assertThat(catalogue.monitored().products()).as("not before publication").doesNotContain(Product.LIME);

        HttpResponse<String> published = send(coordinator, label, "/publish", "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        try {
            WarningCatalogue.MonitoredProducts now = catalogue.monitored();
            assertThat(now.products()).contains(Product.LIME, Product.CLINKER);
            assertThat(now.partial()).isTrue();
            assertThat(catalogue.additions()).anySatisfy(a -> {
                assertThat(a.product()).isEqualTo("LIME");
                assertThat(a.citation().document()).isEqualTo("渝府发〔2014〕3号");
            });
            String page = session(Role.COORDINATOR).get("/capacity?product=LIME&region=500000&period=2025-07").body();
            assertThat(page).contains("经目录修订纳入监测").contains("石灰");
            assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'catalog_monitored_product' "
                    + "and entity_id = :id").param("id", label + "/MONITORED-LIME").query(Long.class).single()).isEqualTo(1);
        } finally {
            jdbc.sql("delete from catalog_entry where kind = 'MONITORED' and id = 'MONITORED-LIME'").update();
        }
        assertThat(catalogue.monitored().products()).doesNotContain(Product.LIME);
    }
}
