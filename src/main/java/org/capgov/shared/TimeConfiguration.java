package org.capgov.shared;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now": a {@link Clock} in China Standard Time. Code that needs the date or the instant takes
 * this bean instead of calling {@code now()} on its own, so that a test can replace it with a fixed or moving
 * clock (the deadline sweep, overdue cases, the legal clock) without sleeping.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ChinaTime.ZONE);
    }
}
