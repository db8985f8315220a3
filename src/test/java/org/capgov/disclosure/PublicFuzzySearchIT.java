package org.capgov.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentService;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public search finds a name from words typed apart ("涪陵 钢铁"), from its characters in order with others
 * between them, and from pinyin or initials typed without Chinese input; on the API and on the page.
 */
class PublicFuzzySearchIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;

    @Test
    void wordsInOrderPinyinAndInitialsFindTheName() {
        String uscc = PublicFixtures.steelWorks(enterprises, equipment, "500102", "重庆鹫岭翔犀钢铁有限公司");
        Http http = Http.api(port);
        for (String q : new String[] {"鹫岭 钢铁", "鹫岭钢铁", "翔犀钢铁有限", "jiuling", "JiuLing XiangXi", "cqjlxx",
                "zqjlxxgt", "chongqingjiuling"}) {
            String found = http.get("/api/v1/public/enterprises?q=" + enc(q)).body();
            assertThat(found).as(q).contains(uscc);
        }
        for (String q : new String[] {"钢铁鹫岭", "鹫岭 水泥", "jiulingshuini", "jlsn"}) {
            assertThat(http.get("/api/v1/public/enterprises?q=" + enc(q)).body()).as(q).doesNotContain(uscc);
        }
        String page = Http.browser(port).get("/public/enterprises?q=" + enc("jlxx")).body();
        assertThat(page).contains("重庆鹫岭翔犀钢铁有限公司");
        // the start of the USCC still finds it
        assertThat(http.get("/api/v1/public/enterprises?q=" + enc(uscc.substring(0, 12))).body()).contains(uscc);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
