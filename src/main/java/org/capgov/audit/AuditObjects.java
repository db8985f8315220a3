package org.capgov.audit;

import java.util.Locale;
import org.capgov.shared.Vocabulary;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How an entry's object is shown to people. Most objects are ids people type into the filter (numbers, USCCs, rule
 * ids) and are shown as stored; a few kinds carry a code in their id, which is shown by its name: the continuing
 * capacity warnings of a month ({@code PRODUCT:month:region}) read "熟料 2025-07 500229". The stored id stays as it
 * is, since the hash chain and the API's filter use it.
 */
@Component("auditObjects")
public class AuditObjects {

    private final Vocabulary labels;

    AuditObjects(Vocabulary labels) {
        this.labels = labels;
    }

    /** The object in the current request's language (pages). */
    public String name(String entityType, String entityId) {
        return name(LocaleContextHolder.getLocale(), entityType, entityId);
    }

    /** The object in {@code locale} (downloads). */
    public String name(Locale locale, String entityType, String entityId) {
        if (entityId == null) {
            return "";
        }
        if ("capacity_warning_evaluation".equals(entityType)) {
            String[] parts = entityId.split(":");
            parts[0] = labels.in(locale, "product.", parts[0]);
            return String.join(" ", parts);
        }
        return entityId;
    }
}
