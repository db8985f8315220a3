package org.capgov.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.capgov.enforcement.CaseState;
import org.capgov.identity.Role;
import org.capgov.identity.SystemActor;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EquipmentDraft;
import org.capgov.registry.EquipmentService;
import org.capgov.shared.Uscc;
import org.capgov.support.IntegrationTest;
import org.capgov.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The demo's story, told by the same code as on the first start in demo mode, in a district of its own (武隆区,
 * 500156): twelve enterprises get one case in every state of the rectification flow, and a thirteenth, with a
 * double-duo wire mill the catalogue eliminates, gets an exit case in 限期退出 (EXIT_ORDERED); the closed and exited
 * enterprises' equipment no longer produces, and the exits are on the public exit list.
 */
class DemoStoryIT extends IntegrationTest {

    static final String REGION = "500156";
    static final String MILL_TYPE = "DOUBLE_DUO_WIRE";

    @Autowired
    DemoCases demo;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    EquipmentService equipment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestPeople testPeople;
    @Autowired
    UserDetailsService users;
    @Autowired
    java.time.Clock clock;

    @Test
    void everyStateOfTheCaseFlowIsTold() {
        List<String> usccs = new ArrayList<>();
        SystemActor.run(() -> {
            for (int i = 0; i < DemoCases.PLOTS.size() + 1; i++) {
                String uscc = Uscc.compose("91", REGION, "DT" + ThreadLocalRandom.current().nextInt(100_000, 999_999));
                boolean mill = i == DemoCases.PLOTS.size();
                enterprises.create(new EnterpriseDraft(uscc, "演示检验" + (mill ? "轧钢" : "钢铁") + "有限公司" + uscc.substring(12, 16),
                        REGION, List.of("STEEL"), null, null, null, null, List.of(), null, LocalDate.of(2010, 1, 1), null));
                equipment.create(uscc, mill
                        ? new EquipmentDraft("RM1", null, "ROLLING_MILL", Map.of("mill_type", MILL_TYPE,
                                "special_steel", false), "STEEL_PRODUCTS", new BigDecimal("120000"),
                                LocalDate.of(2004, 3, 1), null, null, null)
                        : new EquipmentDraft("BF1", null, "BLAST_FURNACE", Map.of("volume_m3", 1200,
                                "purpose", "GENERAL"), "PIG_IRON", new BigDecimal("1000000"),
                                LocalDate.of(2010, 5, 1), null, null, null));
                usccs.add(uscc);
            }
        });
        List<String> before = caseIds();
        testPeople.ensure(Role.COORDINATOR);
        UserDetails coordinator = users.loadUserByUsername(TestPeople.username(Role.COORDINATOR));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(coordinator, null, coordinator.getAuthorities()));
        int told;
        try {
            told = demo.tell(REGION, usccs.get(0));
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(told).isEqualTo(DemoCases.PLOTS.size() + 1);

        List<Map<String, Object>> opened = jdbc.sql("select id, state, uscc, deadline from enforcement_case "
                + "where region_path like '/500000/" + REGION + "/%' order by id").query().listOfRows().stream()
                .filter(r -> !before.contains((String) r.get("id"))).toList();
        assertThat(opened).hasSize(told);
        assertThat(opened.stream().map(r -> (String) r.get("state")).distinct())
                .containsExactlyInAnyOrder(java.util.Arrays.stream(CaseState.values()).map(Enum::name).toArray(String[]::new));
        assertThat(opened).filteredOn(r -> r.get("state").equals("EXIT_ORDERED")).singleElement()
                .satisfies(r -> assertThat(r.get("uscc")).isEqualTo(usccs.get(usccs.size() - 1)));
        // some cases are overdue: the story's deadlines lie in the past
        assertThat(opened).filteredOn(r -> r.get("state").equals("NOTICE_ISSUED"))
                .anySatisfy(r -> assertThat(((java.sql.Date) r.get("deadline")).toLocalDate())
                        .isBefore(LocalDate.now(clock)));

        // the enterprises closed or exited by the story produce nothing
        Long producing = jdbc.sql("""
                select count(*) from equipment q join enterprise e on e.id = q.enterprise_id
                 where e.region_path like :path and e.status in ('CLOSED', 'EXITED') and q.status = 'OPERATING'""")
                .param("path", "/500000/" + REGION + "/%").query(Long.class).single();
        assertThat(producing).isZero();
        Long closed = jdbc.sql("select count(*) from enterprise where region_path like :path and status in ('CLOSED', 'EXITED')")
                .param("path", "/500000/" + REGION + "/%").query(Long.class).single();
        assertThat(closed).isGreaterThanOrEqualTo(3);
    }

    private List<String> caseIds() {
        return jdbc.sql("select id from enforcement_case where region_path like :path")
                .param("path", "/500000/" + REGION + "/%").query(String.class).list();
    }
}
