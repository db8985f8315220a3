package org.capgov.pricing.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Checks the registrations share: an enterprise or account in the caller's scope, dates, months, texts. */
final class Registrations {

    /** An enterprise as found by its USCC. */
    record Found(long enterpriseId, String uscc, String regionPath) {
    }

    private Registrations() {
    }

    static Found enterprise(JdbcClient jdbc, String uscc) {
        String u = uscc == null ? "" : uscc.trim();
        if (u.isEmpty()) {
            throw DomainException.invalid("uscc", "error.request.missingParameter", "uscc");
        }
        Found f = jdbc.sql("select id, uscc, region_path from enterprise where uscc = :u").param("u", u)
                .query((rs, i) -> new Found(rs.getLong(1), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> DomainException.invalid("uscc", "error.pricing.enterpriseUnknown", u));
        if (!Actors.scope().coversEnterprise(f.regionPath(), f.uscc())) {
            throw DomainException.invalid("uscc", "error.pricing.enterpriseUnknown", u);
        }
        return f;
    }

    /** The enterprise of a grid account registered at any time, within the caller's scope. */
    static Found account(JdbcClient jdbc, String gridAccount) {
        String a = gridAccount == null ? "" : gridAccount.trim();
        if (a.isEmpty()) {
            throw DomainException.invalid("gridAccount", "error.request.missingParameter", "gridAccount");
        }
        Found f = jdbc.sql("""
                select e.id, e.uscc, e.region_path from grid_account g join enterprise e on e.id = g.enterprise_id
                where g.account_no = :a order by g.valid_from desc limit 1""").param("a", a)
                .query((rs, i) -> new Found(rs.getLong(1), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> DomainException.invalid("gridAccount", "error.pricing.accountUnknown", a));
        if (!Actors.scope().coversEnterprise(f.regionPath(), f.uscc())) {
            throw DomainException.invalid("gridAccount", "error.pricing.accountUnknown", a);
        }
        return f;
    }

    static LocalDate date(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw DomainException.invalid(field, "error.request.missingParameter", field);
            }
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "error.pricing.date", text);
        }
    }

    static YearMonth month(String field, String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid(field, "error.request.missingParameter", field);
        }
        try {
            if (!text.trim().matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM", text, 0);
            }
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "error.pricing.month", text);
        }
    }

    static String text(String field, String text, int max, boolean required) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            if (required) {
                throw DomainException.invalid(field, "error.pricing.fieldRequired",
                        "document".equals(field) ? "文件（文号）" : "说明");
            }
            return null;
        }
        if (t.length() > max) {
            throw DomainException.invalid(field, "error.pricing.fieldTooLong", max);
        }
        return t;
    }

    static BigDecimal percent(String field, String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid(field, "error.request.missingParameter", field);
        }
        BigDecimal v;
        try {
            v = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field, "error.pricing.number", text);
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0 || v.scale() > 2) {
            throw DomainException.invalid(field, "error.pricing.percent", text);
        }
        return v;
    }
}
