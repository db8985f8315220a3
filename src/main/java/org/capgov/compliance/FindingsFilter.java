package org.capgov.compliance;

import java.util.Arrays;
import java.util.Locale;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.capgov.shared.Industry;

/**
 * Filters of the findings list, checked: codes upper-cased and known, blanks as null. {@code regionPath} is the
 * materialised path of the {@code region} code, resolved by the service.
 */
public record FindingsFilter(String region, String industry, String dimension, String status, String rule,
        String uscc) {

    public FindingsFilter {
        region = blank(region);
        industry = code(industry);
        dimension = code(dimension);
        status = code(status);
        rule = blank(rule);
        uscc = blank(uscc) == null ? null : uscc.trim().toUpperCase(Locale.ROOT);
        check("industry", industry, Arrays.stream(Industry.values()).map(Enum::name).toArray(String[]::new));
        check("dimension", dimension, Arrays.stream(Dimension.values()).map(Enum::name).toArray(String[]::new));
        check("status", status, ComplianceRun.STATUSES);
    }

    private static void check(String field, String value, String[] known) {
        if (value != null && Arrays.stream(known).noneMatch(value::equals)) {
            throw DomainException.invalid(field, "error.compliance.badCode", field, value);
        }
    }

    public static FindingsFilter none() {
        return new FindingsFilter(null, null, null, null, null, null);
    }

    public static FindingsFilter ofEnterprise(String uscc) {
        return new FindingsFilter(null, null, null, null, null, uscc);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String code(String s) {
        String b = blank(s);
        return b == null ? null : b.toUpperCase(Locale.ROOT);
    }
}
