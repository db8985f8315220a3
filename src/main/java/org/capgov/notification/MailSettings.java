package org.capgov.notification;

import java.util.Properties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP settings ({@code spring.mail.*}), read each time they are used rather than once at start-up: e-mail is
 * on exactly while {@code spring.mail.host} is set, and a changed setting (or a test's own SMTP server) takes effect
 * without a restart. Time-outs default to 10 seconds so that an unresponsive server cannot hold the sender.
 */
@Component
class MailSettings {

    private static final String TIMEOUT_MS = "10000";

    private final Environment environment;

    MailSettings(Environment environment) {
        this.environment = environment;
    }

    boolean configured() {
        String host = environment.getProperty("spring.mail.host");
        return host != null && !host.isBlank();
    }

    /** After this many failed attempts a message is marked FAILED and not tried again. */
    int maxAttempts() {
        return Math.max(1, environment.getProperty("capgov.notification.mail.max-attempts", Integer.class, 5));
    }

    /** The sender address: capgov.notification.mail.from, else the SMTP user name when it is an address. */
    String from() {
        String from = environment.getProperty("capgov.notification.mail.from");
        if (from != null && !from.isBlank()) {
            return from.trim();
        }
        String user = environment.getProperty("spring.mail.username");
        return user != null && user.contains("@") ? user.trim() : "capgov@localhost";
    }

    /** Prefixed to a notice's link in the e-mail, e.g. https://capgov.example.gov.cn; empty gives the bare path. */
    String linkBase() {
        String base = environment.getProperty("capgov.notification.mail.link-base", "").trim();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A sender built from the current spring.mail.* settings, as Spring Boot would build it. */
    JavaMailSenderImpl sender() {
        MailProperties p = Binder.get(environment).bind("spring.mail", MailProperties.class).orElseGet(MailProperties::new);
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(p.getHost());
        if (p.getPort() != null) {
            sender.setPort(p.getPort());
        }
        sender.setUsername(p.getUsername());
        sender.setPassword(p.getPassword());
        sender.setProtocol(p.getProtocol());
        sender.setDefaultEncoding(p.getDefaultEncoding().name());
        Properties properties = new Properties();
        String protocol = p.getProtocol();
        properties.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        properties.setProperty("mail." + protocol + ".timeout", TIMEOUT_MS);
        properties.setProperty("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        if (p.getSsl().isEnabled()) {
            properties.setProperty("mail." + protocol + ".ssl.enable", "true");
        }
        properties.putAll(p.getProperties());
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
