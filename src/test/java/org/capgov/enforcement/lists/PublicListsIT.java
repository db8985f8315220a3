package org.capgov.enforcement.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.Equipment;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.capgov.enforcement.RedListCase;
import org.capgov.enforcement.CaseState;
import org.capgov.enforcement.ExitMeasure;
import org.capgov.enforcement.CaseKind;
import org.capgov.enforcement.YellowListCase;
import org.capgov.enforcement.CaseAction;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/** The public lists as of past dates, derived from the timelines: who is on which list on which day. */
class PublicListsIT extends IntegrationTest {

    @Autowired
    Clock clock;

    @Autowired
    PublicLists lists;
    @Autowired
    EnterpriseService enterpriseService;
    @Autowired
    EquipmentService equipmentService;
    @Autowired
    JdbcClient jdbc;

    ListFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ListFixtures(enterpriseService, equipmentService, jdbc);
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void anEnterpriseIsOnTheYellowListFromNoticeUntilClosureThenOnTheRedList() {
        Enterprise e = fixtures.enterprise("500102", "名单测试黄转红钢铁");
        String c = fixtures.open(e, CaseKind.RECTIFICATION, "ENERGY", null, d("2006-03-31"), d("2006-09-30"), "CQ-JXW");
        fixtures.act(c, CaseAction.REQUEST_EXTENSION, CaseState.EXTENSION_REQUESTED, d("2006-09-01"), null, null, null);
        fixtures.act(c, CaseAction.GRANT_EXTENSION, CaseState.NOTICE_ISSUED, d("2006-09-15"), "涪经信延〔2006〕3号",
                d("2006-12-31"), 3);
        fixtures.act(c, CaseAction.SUBMIT_RECTIFICATION, CaseState.RECTIFICATION_SUBMITTED, d("2006-12-20"), null, null, null);
        fixtures.act(c, CaseAction.VERIFY_FAILED, CaseState.RECTIFICATION_FAILED, d("2007-01-10"), null, null, null);
        fixtures.act(c, CaseAction.PROPOSE_CLOSURE, CaseState.CLOSURE_PROPOSED, d("2007-02-01"), null, null, null);
        fixtures.act(c, CaseAction.APPROVE_CLOSURE, CaseState.CLOSURE_APPROVED, d("2007-03-01"), "涪府发〔2007〕12号",
                null, null);

        assertThat(lists.listsOf(e.id(), d("2006-03-30")).onYellowList()).isFalse();

        YellowListCase atNotice = only(lists.listsOf(e.id(), d("2006-03-31")).yellow());
        assertThat(atNotice.caseId()).isEqualTo(c);
        assertThat(atNotice.dimension()).isEqualTo(Dimension.ENERGY);
        assertThat(atNotice.noticeDate()).isEqualTo(d("2006-03-31"));
        assertThat(atNotice.deadline()).isEqualTo(d("2006-09-30"));
        assertThat(atNotice.extended()).isFalse();
        assertThat(atNotice.departmentName()).isEqualTo("重庆市经济和信息化委员会");

        // the day before the extension took effect the old deadline holds; from that day the extended one
        assertThat(only(lists.listsOf(e.id(), d("2006-09-14")).yellow()).deadline()).isEqualTo(d("2006-09-30"));
        YellowListCase extended = only(lists.listsOf(e.id(), d("2006-10-01")).yellow());
        assertThat(extended.deadline()).isEqualTo(d("2006-12-31"));
        assertThat(extended.extended()).isTrue();
        assertThat(extended.overdue()).isFalse();
        assertThat(only(lists.listsOf(e.id(), d("2006-12-31")).yellow()).overdue()).isFalse();
        assertThat(only(lists.listsOf(e.id(), d("2007-02-28")).yellow()).overdue()).isTrue();
        assertThat(lists.listsOf(e.id(), d("2007-02-28")).onRedList()).isFalse();

        EnterpriseListing closed = lists.listsOf(e.id(), d("2007-03-01"));
        assertThat(closed.onYellowList()).isFalse();
        RedListCase red = only(closed.red());
        assertThat(red.basis()).isEqualTo(RedListCase.Basis.CLOSURE);
        assertThat(red.since()).isEqualTo(d("2007-03-01"));
        assertThat(red.document()).isEqualTo("涪府发〔2007〕12号");
        assertThat(red.until()).isEqualTo(d("2007-12-31"));
        // seeds 001 四、(三) and 004 四、(二) publish "当年执法监督执行情况": the red list is the year's; the closure of 2007
        // is on it through 31 December 2007 and off it from 1 January 2008, and the list of the year 2007 still has it
        assertThat(lists.listsOf(e.id(), d("2007-12-31")).onRedList()).isTrue();
        assertThat(lists.listsOf(e.id(), d("2008-01-01")).onRedList()).isFalse();
        assertThat(redUscc(lists.red(lists.query(null, "500102", "2008-01-01", null, "200")).rows())).doesNotContain(e.uscc());
        assertThat(redUscc(lists.red(lists.query("2007", "500102", null, null, "200")).rows())).contains(e.uscc());

        // the same through the list pages, filtered to the enterprise's district
        assertThat(uscc(lists.yellow(lists.query(null, "500102", "2006-10-01", null, "200")).rows())).contains(e.uscc());
        assertThat(uscc(lists.yellow(lists.query(null, "500102", "2007-03-01", null, "200")).rows())).doesNotContain(e.uscc());
        assertThat(redUscc(lists.red(lists.query(null, "500102", "2007-03-01", null, "200")).rows())).contains(e.uscc());
        assertThat(redUscc(lists.red(lists.query(null, "500102", "2007-02-28", null, "200")).rows())).doesNotContain(e.uscc());
        // the year without a date: the list at the end of that year
        PublicListPage<YellowListEntry> endOf2006 = lists.yellow(lists.query("2006", "500102", null, null, "200"));
        assertThat(endOf2006.asOf()).isEqualTo(d("2006-12-31"));
        assertThat(uscc(endOf2006.rows())).contains(e.uscc());
    }

    /**
     * Seed 001 四、(三) "区生态环境局要定期公布超标排放企业名单，以及超标排放严重的企业名单": an environment case puts the enterprise
     * on the over-limit list from its notice; a failed rectification makes it serious; found compliant, it leaves both.
     * An energy case is not an emission case.
     */
    @Test
    void environmentCasesMakeTheOverLimitAndSeriousOverLimitLists() {
        Enterprise e = fixtures.enterprise("500102", "名单测试超标排放水泥");
        String env = fixtures.open(e, CaseKind.RECTIFICATION, "ENVIRONMENT", null, d("2005-04-01"), d("2005-06-30"),
                "FL-STHJJ");
        Enterprise energyOnly = fixtures.enterprise("500102", "名单测试仅能耗钢铁");
        fixtures.open(energyOnly, CaseKind.RECTIFICATION, "ENERGY", null, d("2005-04-01"), d("2005-10-01"), "FL-JXW");
        fixtures.act(env, CaseAction.VERIFY_FAILED, CaseState.RECTIFICATION_FAILED, d("2005-07-05"), null, null, null);
        fixtures.act(env, CaseAction.PROPOSE_CLOSURE, CaseState.CLOSURE_PROPOSED, d("2005-07-20"), null, null, null);

        assertThat(overLimit("2005-03-31", false)).doesNotContain(e.uscc());
        assertThat(overLimit("2005-04-01", false)).contains(e.uscc()).doesNotContain(energyOnly.uscc());
        assertThat(overLimit("2005-07-04", true)).doesNotContain(e.uscc());
        assertThat(overLimit("2005-07-05", true)).contains(e.uscc()).doesNotContain(energyOnly.uscc());
        OverLimitEntry row = lists.overLimit(lists.query(null, "500102", "2005-07-05", null, "200"), false).rows().stream()
                .filter(r -> r.enterprise().uscc().equals(e.uscc())).findFirst().orElseThrow();
        OverLimitEntry.Case c = only(row.cases());
        assertThat(c.caseId()).isEqualTo(env);
        assertThat(c.noticeDate()).isEqualTo(d("2005-04-01"));
        assertThat(c.deadline()).isEqualTo(d("2005-06-30"));
        assertThat(c.seriousSince()).isEqualTo(d("2005-07-05"));
        assertThat(c.departmentName()).isEqualTo("重庆市涪陵区生态环境局");

        // a second environment case of another enterprise, rectified: on the list until the day it was found compliant
        Enterprise fixed = fixtures.enterprise("500102", "名单测试超标整改达标");
        String ok = fixtures.open(fixed, CaseKind.RECTIFICATION, "ENVIRONMENT", null, d("2005-04-01"), d("2005-06-30"),
                "FL-STHJJ");
        fixtures.act(ok, CaseAction.VERIFY_COMPLIANT, CaseState.RECTIFIED, d("2005-06-01"), null, null, null);
        assertThat(overLimit("2005-05-31", false)).contains(fixed.uscc());
        assertThat(overLimit("2005-06-01", false)).doesNotContain(fixed.uscc());
        assertThat(lists.page(PublicList.SERIOUS_OVER_LIMIT, lists.query(null, "500102", "2005-08-01", null, "200"))
                .list()).isEqualTo(PublicList.SERIOUS_OVER_LIMIT);
    }

    private List<String> overLimit(String asOf, boolean serious) {
        return lists.overLimit(lists.query(null, "500102", asOf, null, "200"), serious).rows().stream()
                .map(r -> r.enterprise().uscc()).toList();
    }

    @Test
    void anEnterpriseLeavesTheYellowListWhenItsCaseIsVerifiedCompliantAndOneRowHoldsAllItsCases() {
        Enterprise e = fixtures.enterprise("500110", "名单测试整改合格水泥");
        String quality = fixtures.open(e, CaseKind.RECTIFICATION, "QUALITY", null, d("2006-05-01"), d("2006-11-01"),
                "CQ-SCJGJ");
        String safety = fixtures.open(e, CaseKind.RECTIFICATION, "SAFETY", null, d("2006-07-01"), d("2007-01-01"), "CQ-YJJ");
        fixtures.act(quality, CaseAction.SUBMIT_RECTIFICATION, CaseState.RECTIFICATION_SUBMITTED, d("2006-10-01"), null,
                null, null);
        fixtures.act(quality, CaseAction.VERIFY_COMPLIANT, CaseState.RECTIFIED, d("2006-10-20"), null, null, null);
        fixtures.act(safety, CaseAction.VERIFY_COMPLIANT, CaseState.RECTIFIED, d("2006-12-01"), null, null, null);

        PublicListPage<YellowListEntry> both = lists.yellow(lists.query(null, "500110", "2006-08-01", null, "200"));
        YellowListEntry row = both.rows().stream().filter(r -> r.enterprise().uscc().equals(e.uscc())).findFirst().orElseThrow();
        assertThat(row.cases()).extracting(YellowListCase::caseId).containsExactly(safety, quality);
        assertThat(row.enterprise().regionName()).isEqualTo("綦江区");

        assertThat(lists.listsOf(e.id(), d("2006-10-19")).yellow()).extracting(YellowListCase::caseId)
                .containsExactly(safety, quality);
        assertThat(lists.listsOf(e.id(), d("2006-10-20")).yellow()).extracting(YellowListCase::caseId)
                .containsExactly(safety);
        EnterpriseListing after = lists.listsOf(e.id(), d("2006-12-01"));
        assertThat(after.onYellowList()).isFalse();
        assertThat(after.onRedList()).isFalse();
    }

    @Test
    void exitsAreListedInTheYearOfTheirAnnouncementWithCapacityAndMeasures() {
        Enterprise e = fixtures.enterprise("500102", "名单测试淘汰退出钢铁");
        Equipment bf1 = fixtures.blastFurnace(e, "BF-1", "400000");
        Equipment bf2 = fixtures.blastFurnace(e, "BF-2", "250000");
        PublicListQuery year2007 = lists.query("2007", "500102", null, null, "200");
        BigDecimal before = lists.exits(year2007).capacityByProduct().getOrDefault("PIG_IRON", BigDecimal.ZERO);
        long totalBefore = lists.exits(year2007).total();

        String c = fixtures.open(e, CaseKind.EXIT, "TECHNOLOGY", null, d("2007-01-05"), d("2007-12-31"), "CQ-JXW");
        long measures = fixtures.act(c, CaseAction.RECORD_EXIT_MEASURE, CaseState.EXIT_IN_PROGRESS, d("2007-03-01"), null,
                null, null);
        fixtures.measure(c, measures, bf1.id(), ExitMeasure.POWER_CUT, d("2007-03-01"), "400000", "PIG_IRON");
        fixtures.measure(c, measures, bf1.id(), ExitMeasure.SEALED, d("2007-03-01"), "400000", "PIG_IRON");
        fixtures.measure(c, measures, bf2.id(), ExitMeasure.DISMANTLED, d("2007-04-01"), null, null);
        fixtures.act(c, CaseAction.VERIFY_EXIT, CaseState.EXIT_VERIFIED, d("2007-11-20"), null, null, null);
        fixtures.act(c, CaseAction.ANNOUNCE, CaseState.ANNOUNCED, d("2007-12-30"), "涪经信公告〔2007〕8号", null, null);

        PublicListPage<ExitListEntry> exits = lists.exits(year2007);
        assertThat(exits.year()).isEqualTo(2007);
        assertThat(exits.total()).isEqualTo(totalBefore + 2);
        // capacity of BF-1 once although two measures name it; BF-2's from the register
        assertThat(exits.capacityByProduct().get("PIG_IRON").subtract(before)).isEqualByComparingTo("650000");
        List<ExitListEntry> mine = exits.rows().stream().filter(r -> r.caseId().equals(c)).toList();
        assertThat(mine).extracting(ExitListEntry::equipmentCode).containsExactly("BF-1", "BF-2");
        assertThat(mine.get(0).measures()).containsExactly(ExitMeasure.POWER_CUT, ExitMeasure.SEALED);
        assertThat(mine.get(0).capacity()).isEqualByComparingTo("400000");
        assertThat(mine.get(1).measures()).containsExactly(ExitMeasure.DISMANTLED);
        assertThat(mine.get(1).product()).isEqualTo("PIG_IRON");
        assertThat(mine.get(1).capacity()).isEqualByComparingTo("250000");
        assertThat(mine.get(0).announcedOn()).isEqualTo(d("2007-12-30"));
        assertThat(mine.get(0).document()).isEqualTo("涪经信公告〔2007〕8号");
        assertThat(mine.get(0).commitment()).isTrue();

        // announced on 12-30: not yet on the list as of 12-29, nor in the next year's, nor in another district
        assertThat(lists.exits(lists.query("2007", "500102", "2007-12-29", null, "200")).rows())
                .noneMatch(r -> r.caseId().equals(c));
        assertThat(lists.exits(lists.query("2008", "500102", null, null, "200")).rows()).noneMatch(r -> r.caseId().equals(c));
        assertThat(lists.exits(lists.query("2007", "500110", null, null, "200")).rows()).noneMatch(r -> r.caseId().equals(c));
        // seed 001 四、(三) "经整改仍不达标、已依法关闭的企业名单（“红牌”名单）": an elimination exit failed no rectification, so it
        // is on the annual exit list only, never on the red list
        assertThat(lists.listsOf(e.id(), d("2007-12-30")).onRedList()).isFalse();
        assertThat(redUscc(lists.red(lists.query(null, "500102", "2007-12-31", null, "200")).rows()))
                .doesNotContain(e.uscc());
        assertThat(lists.listsOf(e.id(), d("2008-06-01")).exits()).hasSize(2);
    }

    @Test
    void anExitWithoutMeasuresListsTheCasesEquipmentAndPagesCutTheSameListAsOnePage() {
        Enterprise e = fixtures.enterprise("500102", "名单测试无措施退出");
        Equipment bf = fixtures.blastFurnace(e, "BF-3", "300000");
        PublicListQuery year2009 = lists.query("2009", "500102", null, null, "200");
        PublicListPage<ExitListEntry> before = lists.exits(year2009);
        BigDecimal pigIron = before.capacityByProduct().getOrDefault("PIG_IRON", BigDecimal.ZERO);

        String c = fixtures.open(e, CaseKind.EXIT, "TECHNOLOGY", bf.id(), d("2009-02-02"), d("2009-12-31"), "CQ-JXW");
        fixtures.act(c, CaseAction.VERIFY_EXIT, CaseState.EXIT_VERIFIED, d("2009-05-20"), null, null, null);
        fixtures.act(c, CaseAction.ANNOUNCE, CaseState.ANNOUNCED, d("2009-06-30"), "涪经信公告〔2009〕3号", null, null);

        PublicListPage<ExitListEntry> all = lists.exits(year2009);
        assertThat(all.total()).isEqualTo(before.total() + 1);
        ExitListEntry mine = only(all.rows().stream().filter(r -> r.caseId().equals(c)).toList());
        assertThat(mine.equipmentCode()).isEqualTo("BF-3");
        assertThat(mine.measures()).isEmpty();
        assertThat(mine.commitment()).isFalse();
        assertThat(mine.product()).isEqualTo("PIG_IRON");
        assertThat(mine.capacity()).isEqualByComparingTo("300000");
        assertThat(all.capacityByProduct().get("PIG_IRON").subtract(pigIron)).isEqualByComparingTo("300000");
        // pages of one row, in order, are the rows of the whole list; each page has the same total and sums
        for (int page = 0; page < all.rows().size(); page++) {
            PublicListPage<ExitListEntry> one = lists.exits(year2009.withPage(page, 1));
            assertThat(one.rows()).containsExactly(all.rows().get(page));
            assertThat(one.total()).isEqualTo(all.total());
            assertThat(one.capacityByProduct()).isEqualTo(all.capacityByProduct());
        }
        PublicListPage<ExitListEntry> beyond = lists.exits(year2009.withPage(all.rows().size(), 1));
        assertThat(beyond.rows()).isEmpty();
        assertThat(beyond.total()).isEqualTo(all.total());
        assertThat(beyond.capacityByProduct()).isEqualTo(all.capacityByProduct());
    }

    @Test
    void theRegionFilterTakesTheSubtree() {
        Enterprise fuling = fixtures.enterprise("500102", "名单测试区划涪陵");
        Enterprise qijiang = fixtures.enterprise("500110", "名单测试区划綦江");
        fixtures.open(fuling, CaseKind.RECTIFICATION, "ENVIRONMENT", null, d("2005-06-01"), d("2005-12-01"), "CQ-STHJJ");
        fixtures.open(qijiang, CaseKind.RECTIFICATION, "ENVIRONMENT", null, d("2005-06-01"), d("2005-12-01"), "CQ-STHJJ");
        assertThat(uscc(lists.yellow(lists.query(null, "500102", "2005-07-01", null, "200")).rows()))
                .contains(fuling.uscc()).doesNotContain(qijiang.uscc());
        assertThat(uscc(lists.yellow(lists.query(null, "500110", "2005-07-01", null, "200")).rows()))
                .contains(qijiang.uscc()).doesNotContain(fuling.uscc());
        PublicListPage<YellowListEntry> city = lists.yellow(lists.query(null, "500000", "2005-07-01", null, "200"));
        assertThat(uscc(city.rows())).contains(fuling.uscc(), qijiang.uscc());
        // paging: one row per page, the total unchanged, past the end an empty page with the total
        PublicListPage<YellowListEntry> first = lists.yellow(lists.query(null, "500000", "2005-07-01", "0", "1"));
        assertThat(first.rows()).hasSize(1);
        assertThat(first.total()).isEqualTo(city.total());
        PublicListPage<YellowListEntry> beyond = lists.yellow(lists.query(null, "500000", "2005-07-01", "100000", "1"));
        assertThat(beyond.rows()).isEmpty();
        assertThat(beyond.total()).isEqualTo(city.total());
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        assertField(() -> lists.query("20x6", null, null, null, null), "year");
        assertField(() -> lists.query("1999", null, null, null, null), "year");
        assertField(() -> lists.query(Integer.toString(ChinaTime.today(clock).getYear() + 1), null, null, null,
                null), "year");
        assertField(() -> lists.query(null, null, "2006-13-01", null, null), "asOf");
        assertField(() -> lists.query(null, null, ChinaTime.today(clock).plusDays(2).toString(), null, null), "asOf");
        assertField(() -> lists.query(null, "999999", null, null, null), "region");
        assertField(() -> lists.query(null, null, null, "-1", null), "page");
        assertField(() -> lists.query(null, null, null, null, "0"), "size");
        assertField(() -> lists.query(null, null, null, null, "201"), "size");
        assertThatThrownBy(() -> PublicList.of("purple")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private static <T> T only(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static List<String> uscc(List<YellowListEntry> rows) {
        return rows.stream().map(r -> r.enterprise().uscc()).toList();
    }

    private static List<String> redUscc(List<RedListEntry> rows) {
        return rows.stream().map(r -> r.enterprise().uscc()).toList();
    }
}
