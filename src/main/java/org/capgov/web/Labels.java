package org.capgov.web;

import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.capgov.shared.ChinaTime;

/** Localised labels for codes, for templates ({@code ${@labels.join('dimension.', m.dimensions)}}). */
@Component("labels")
public class Labels {

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String prefix, Object code) {
        String key = prefix + code;
        return messages.getMessage(key, null, String.valueOf(code), LocaleContextHolder.getLocale());
    }

    /** A moment as local time in China, e.g. 2026-11-23 20:34; empty for null. */
    public String time(java.time.Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** Labels of several codes, sorted by code, joined with the list separator of the language. */
    public String join(String prefix, Collection<?> codes) {
        String separator = "zh".equals(LocaleContextHolder.getLocale().getLanguage()) ? "、" : ", ";
        return codes.stream().map(String::valueOf).sorted().map(c -> of(prefix, c)).collect(Collectors.joining(separator));
    }
}
