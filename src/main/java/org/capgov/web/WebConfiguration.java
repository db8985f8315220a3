package org.capgov.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Chinese by default; {@code ?lang=en} (or {@code zh-CN}) switches and a cookie remembers the choice. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("capgov-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /** Spring Boot's error attributes with the reason a filter gave (see {@link PageErrorAttributes}). */
    @Bean
    PageErrorAttributes errorAttributes(org.springframework.context.MessageSource messages) {
        return new PageErrorAttributes(messages);
    }

    /** Right after the character encoding is set, before security and everything else reads the request. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestTextFilter> requestTextFilter(
            org.springframework.context.MessageSource messages, tools.jackson.databind.json.JsonMapper json,
            @org.springframework.beans.factory.annotation.Value("${capgov.security.max-text-length:20000}") int max) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new RequestTextFilter(messages, json, max));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
