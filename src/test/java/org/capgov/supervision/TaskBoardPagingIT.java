package org.capgov.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.capgov.identity.Role;
import org.capgov.support.Http;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The task board with the seeds' tasks in the coordinator's scope (dozens) shows a page at a time with the shared
 * page sizes: the
 * first page links to the next, a page past the end shows the last, a malformed page number the first, and the
 * tallies above still count every task.
 */
class TaskBoardPagingIT extends IntegrationTest {

    private static final Pattern ROW = Pattern.compile("data-task=\"");
    private static final Pattern PAGING = Pattern.compile("第 (\\d+) / (\\d+) 页，共 (\\d+) 项");

    @LocalServerPort
    int port;
    @Autowired
    TestPeople people;

    @Test
    void theBoardIsPaged() {
        people.ensure(Role.COORDINATOR);
        Http page = Http.browser(port);
        page.login(TestPeople.username(Role.COORDINATOR), TestPeople.PASSWORD);
        String first = page.get("/supervision?size=25").body();
        assertThat(rows(first)).isEqualTo(25);
        Matcher m = PAGING.matcher(first);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("1");
        int pages = Integer.parseInt(m.group(2));
        int total = Integer.parseInt(m.group(3));
        assertThat(total).isGreaterThan(50);
        assertThat(pages).isEqualTo((total + 24) / 25);
        assertThat(first).contains("id=\"page-next\"").doesNotContain("id=\"page-previous\"");

        String last = page.get("/supervision?size=25&page=9999").body();
        assertThat(last).contains("第 " + pages + " / " + pages + " 页").contains("id=\"page-previous\"")
                .doesNotContain("id=\"page-next\"");
        assertThat(rows(last)).isEqualTo(total - (pages - 1) * 25);

        String malformed = page.get("/supervision?size=7&page=abc").body();
        assertThat(malformed).contains("第 1 / ");
        assertThat(rows(malformed)).isEqualTo(50);
    }

    private static int rows(String html) {
        Matcher m = ROW.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
