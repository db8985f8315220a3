package org.capgov.identity;

import java.util.Locale;
import java.util.Set;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * With CAPGOV_BOOTSTRAP_ADMIN_USERNAME and CAPGOV_BOOTSTRAP_ADMIN_PASSWORD set and no such user yet, creates that
 * ADMIN (audited). The password must meet the policy and must be changed at the first login.
 */
@Component
@Order(10)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final PeopleService service;
    private final PersonRepository people;
    private final MessageSource messages;
    private final String username;
    private final String password;
    private final String department;
    private final String region;

    BootstrapAdmin(PeopleService service, PersonRepository people, MessageSource messages,
            @Value("${capgov.bootstrap-admin.username:}") String username,
            @Value("${capgov.bootstrap-admin.password:}") String password,
            @Value("${capgov.bootstrap-admin.department:CQ-LDXZB}") String department,
            @Value("${capgov.bootstrap-admin.region:500000}") String region) {
        this.service = service;
        this.people = people;
        this.messages = messages;
        this.username = username;
        this.password = password;
        this.department = department;
        this.region = region;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(username) || !StringUtils.hasText(password)) {
            return;
        }
        if (people.findByUsername(username).isPresent()) {
            log.info("Bootstrap admin '{}' already exists; nothing to do", username);
            return;
        }
        try {
            SystemActor.run(() -> service.create(new NewPerson(username, "系统管理员", password, department, Role.ADMIN,
                    region, Set.of(), null, false), true));
        } catch (DomainException e) {
            throw new BootstrapAdminRejectedException(messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    Locale.SIMPLIFIED_CHINESE), e);
        }
        log.info("Bootstrap admin '{}' created; the password must be changed at the first login", username);
    }
}
