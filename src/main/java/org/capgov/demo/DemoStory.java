package org.capgov.demo;

import org.capgov.compliance.ComplianceRunService;
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
 * Demo mode, first start only (no case yet): after the demo accounts and the demo registry, the coordinator starts an
 * evaluation and the story of {@link DemoCases} is recorded in 涪陵区 — one case in every state, some overdue, the
 * demo enterprise's own case among them — each step through the case services, so that notices, lists and the audit
 * trail follow as they would in real use.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("capgov.demo")
class DemoStory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStory.class);
    static final String STORY_REGION = "500102";

    private final JdbcClient jdbc;
    private final UserDetailsService users;
    private final ComplianceRunService runs;
    private final DemoCases cases;
    private final String demoEnterprise;

    DemoStory(JdbcClient jdbc, UserDetailsService users, ComplianceRunService runs, DemoCases cases,
            @Value("${capgov.demo.story.enterprise:91500102MA5U8A1B06}") String demoEnterprise) {
        this.jdbc = jdbc;
        this.users = users;
        this.runs = runs;
        this.cases = cases;
        this.demoEnterprise = demoEnterprise;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from enforcement_case)").query(Boolean.class).single()) {
            return;
        }
        asUser("coordinator", () -> {
            try {
                runs.start(cases.today(), false);
            } catch (RuntimeException e) {
                log.warn("Demo story: the evaluation did not start: {}", e.getMessage());
            }
            int told = cases.tell(STORY_REGION, demoEnterprise);
            log.info("Demo story: {} cases recorded in {}", told, STORY_REGION);
        });
    }

    /** Runs {@code work} signed in as a demo account, as the story's steps are that person's. */
    private void asUser(String username, Runnable work) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
