package org.capgov.registry.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.capgov.registry.exchange.ImportJob;
import org.capgov.registry.exchange.ImportKind;
import org.capgov.registry.exchange.ImportMode;
import org.capgov.registry.exchange.ImportService;
import org.capgov.shared.Uscc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo mode, first start only (no import yet): the 涪陵 district officer uploads a small enterprise list with three
 * mistakes in it, as happens in real use, so that the import page shows a refused import with its row-by-row report
 * (nothing imported: imports are all-or-nothing).
 */
@Component
@Order(35)
@ConditionalOnBooleanProperty("capgov.demo")
class RegistryDemoImport implements ApplicationRunner {

    static final String FILE_NAME = "涪陵区2026年新增企业.csv";
    static final String HEADER = "统一社会信用代码,企业名称,区划代码,行业代码,地址,法定代表人,上级企业统一社会信用代码,供电户号,"
            + "状态,状态生效日期,接受校验码例外";

    private static final Logger log = LoggerFactory.getLogger(RegistryDemoImport.class);

    private final ImportService imports;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final String username;

    RegistryDemoImport(ImportService imports, UserDetailsService users, JdbcClient jdbc,
            @Value("${capgov.demo.import.user:fl.district}") String username) {
        this.imports = imports;
        this.users = users;
        this.jdbc = jdbc;
        this.username = username;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from import_job)").query(Boolean.class).single()) {
            return;
        }
        try {
            ImportJob job = submitAs(users.loadUserByUsername(username));
            log.info("Demo import {} queued: {}", job.id(), FILE_NAME);
        } catch (RuntimeException e) {
            log.warn("Demo import not submitted: {}", e.getMessage());
        }
    }

    /** Submits the file as {@code user}; the job runs in the background like any upload. */
    ImportJob submitAs(UserDetails user) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            byte[] bytes = csv().getBytes(StandardCharsets.UTF_8);
            return imports.submit(ImportKind.ENTERPRISES, ImportMode.INSERT_ONLY, FILE_NAME, bytes.length,
                    target -> Files.write(target, bytes));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * Two good rows and three mistakes: a code whose check character is wrong, a region code that does not exist and
     * an industry that is not one of the platform's.
     */
    static String csv() {
        String good1 = Uscc.compose("91", "500102", "DM202601");
        String good2 = Uscc.compose("91", "500102", "DM202602");
        String typo = good1.substring(0, 17) + (good1.charAt(17) == '0' ? '1' : '0');
        String bad3 = Uscc.compose("91", "500102", "DM202604");
        String bad4 = Uscc.compose("91", "500102", "DM202605");
        return String.join("\r\n", HEADER,
                good1 + ",重庆涪陵示范建材有限公司,500102,CEMENT,涪陵区李渡街道,,,,OPERATING,2026-01-05,",
                good2 + ",重庆涪陵示范铸造有限公司,500102,STEEL,涪陵区龙桥街道,,,,OPERATING,2026-02-10,",
                typo + ",重庆涪陵码误示例有限公司,500102,STEEL,涪陵区江北街道,,,,OPERATING,2026-03-01,",
                bad3 + ",重庆涪陵区划示例有限公司,500199,CEMENT,涪陵区白涛街道,,,,OPERATING,2026-03-02,",
                bad4 + ",重庆涪陵行业示例有限公司,500102,STEEL_PLATE,涪陵区马武镇,,,,OPERATING,2026-03-03,") + "\r\n";
    }
}
