package org.capgov.identity;

import java.util.List;
import java.util.Set;
import org.capgov.shared.Dimension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo mode only (capgov.demo=true): one account per role, and the URL and accounts printed at start-up. */
@Component
@Order(20)
@ConditionalOnBooleanProperty("capgov.demo")
class DemoAccounts implements ApplicationRunner, DemoLogins {

    static final String PASSWORD = "Capgov-Demo-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** username, display name, department, role, region, dimensions, enterprise. */
    record Account(String username, String displayName, String department, Role role, String region,
            Set<Dimension> dimensions, String uscc) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("admin", "平台管理员", "CQ-LDXZB", Role.ADMIN, "500000", Set.of(), null),
            new Account("coordinator", "市经济信息委 协调员", "CQ-JXW", Role.COORDINATOR, "500000", Set.of(), null),
            new Account("fl.coordinator", "涪陵区经济信息委 协调员", "FL-JXW", Role.COORDINATOR, "500102", Set.of(), null),
            new Account("env.officer", "市生态环境局 执法人员", "CQ-STHJJ", Role.DEPARTMENT_OFFICER, "500000",
                    Set.of(Dimension.ENVIRONMENT), null),
            new Account("fl.energy", "涪陵区经济信息委 节能监察", "FL-JXW", Role.DEPARTMENT_OFFICER, "500102",
                    Set.of(Dimension.ENERGY, Dimension.TECHNOLOGY), null),
            new Account("fl.district", "涪陵区人民政府 工作人员", "FL-QZF", Role.DISTRICT_OFFICER, "500102", Set.of(), null),
            new Account("grid", "国网重庆市电力公司 接口", "CQ-DLGS", Role.GRID_COMPANY, "500000", Set.of(), null),
            new Account("bank", "人行重庆市分行 查询", "CQ-RHFH", Role.FINANCIAL_INSTITUTION, "500000", Set.of(), null),
            new Account("observer", "上级政府 观察员", "CQ-LDXZB", Role.OBSERVER, "500000", Set.of(), null),
            new Account("enterprise", "涪陵示范企业 填报员", "FL-QZF", Role.ENTERPRISE, "500102", Set.of(),
                    "91500102MA5U8A1B06"));

    private final PeopleService service;
    private final PersonRepository people;
    private final int port;

    DemoAccounts(PeopleService service, PersonRepository people, @Value("${server.port:8080}") int port) {
        this.service = service;
        this.people = people;
        this.port = port;
    }

    @Override
    public List<DemoLogin> accounts() {
        return ACCOUNTS.stream().map(a -> new DemoLogin(a.username(), a.displayName(), a.role())).toList();
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(() -> {
            for (Account a : ACCOUNTS) {
                var existing = people.findByUsername(a.username());
                if (existing.isEmpty()) {
                    Person created = service.create(new NewPerson(a.username(), a.displayName(), PASSWORD,
                            a.department(), a.role(), a.region(), a.dimensions(), a.uscc(), false), false);
                    people.markDemo(created.id());
                } else if (!existing.get().enabled()) {
                    service.setEnabled(existing.get().id(), true);
                }
            }
        });
        StringBuilder banner = new StringBuilder("\n\n  capgov 产能治理平台 (demo) is running at http://localhost:" + port + "/\n"
                + "  Demo accounts (password " + PASSWORD + "):\n");
        for (Account a : ACCOUNTS) {
            banner.append(String.format("    %-16s %-22s %s%n", a.username(), a.role(), a.displayName()));
        }
        log.info(banner.toString());
    }
}
