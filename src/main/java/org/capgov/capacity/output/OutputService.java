package org.capgov.capacity.output;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.capacity.utilisation.CapacityFigures;
import org.capgov.capacity.utilisation.Period;
import org.capgov.capacity.utilisation.UtilisationService;
import org.capgov.identity.CapgovUser;
import org.capgov.identity.Role;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.Product;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking monthly output reports: checks, the capacity plausibility rule and the revision chain. A report that fails
 * a check stores nothing and names the field.
 */
@Service
public class OutputService {

    /** Output above this multiple of the month's capacity in force is refused unless an officer confirms it. */
    static final BigDecimal ABSURD_FACTOR = new BigDecimal("1.5");
    static final List<String> SOURCES = List.of("SELF_REPORT", "STATISTICS", "INSPECTION");
    static final int MAX_ROWS = 5000;

    /** A report as submitted (API body or form). */
    public record Submission(String uscc, String product, String month, BigDecimal quantity, String unit, String source,
            Boolean confirmAboveCapacity, String note) {
    }

    private final OutputRepository reports;
    private final CapacityFigures figures;
    private final RegionService regions;
    private final AuditTrail audit;
    private final Clock clock;

    OutputService(OutputRepository reports, CapacityFigures figures, RegionService regions, AuditTrail audit, Clock clock) {
        this.reports = reports;
        this.figures = figures;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public OutputReport submit(Submission s) {
        String uscc = s.uscc() == null ? "" : s.uscc().trim().toUpperCase(Locale.ROOT);
        if (uscc.isEmpty()) {
            throw DomainException.invalid("uscc", "error.request.missingParameter", "uscc");
        }
        OutputRepository.ReportingEnterprise e = reports.enterprise(uscc)
                .orElseThrow(() -> DomainException.invalid("uscc", "error.capacity.unknownEnterprise", s.uscc()));
        if (!Actors.scope().coversEnterprise(e.regionPath(), e.uscc())) {
            throw DomainException.forbidden("error.capacity.outsideScope", e.uscc());
        }
        Product product = UtilisationService.product(s.product());
        YearMonth month = month(s.month(), YearMonth.from(ChinaTime.today(clock)));
        BigDecimal quantity = quantity(product, s.quantity(), s.unit());
        String source = source(s.source());
        boolean officer = officer();
        if (!officer && !"SELF_REPORT".equals(source)) {
            throw DomainException.invalid("source", "error.capacity.enterpriseSource", source);
        }
        String note = s.note() == null || s.note().isBlank() ? null : s.note().trim();
        if (note != null && note.length() > 500) {
            throw DomainException.invalid("note", "error.capacity.noteTooLong");
        }
        BigDecimal capacity = figures.ofEnterprise(e.id(), product, Period.month(month));
        boolean above = quantity.compareTo(capacity.multiply(ABSURD_FACTOR)) > 0;
        boolean confirm = Boolean.TRUE.equals(s.confirmAboveCapacity());
        if (above && !confirm) {
            throw DomainException.invalid("quantity", "error.capacity.aboveCapacity", quantity.toPlainString(),
                    product.unit(), capacity.toPlainString());
        }
        if (above && !officer) {
            throw DomainException.invalid("confirmAboveCapacity", "error.capacity.confirmByOfficer");
        }
        if (above && note == null) {
            throw DomainException.invalid("note", "error.capacity.confirmNeedsReason");
        }
        long id = reports.insert(new OutputRepository.NewReport(e.id(), product, month, quantity, s.quantity(),
                OutputUnits.normalised(product, s.unit()), source, capacity, above, note, Actors.username()));
        OutputReport stored = reports.find(id, org.capgov.shared.DataScope.all()).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("uscc", stored.uscc());
        after.put("product", stored.product());
        after.put("month", stored.month());
        after.put("revision", stored.revision());
        after.put("quantity", stored.quantity().toPlainString());
        after.put("source", stored.source());
        after.put("aboveCapacityConfirmed", stored.aboveCapacityConfirmed());
        audit.record(AuditEvent.created("output_report", Long.toString(id), e.regionPath(), after));
        return stored;
    }

    public List<OutputReport> search(String uscc, String product, String from, String to, String region,
            boolean revisions) {
        Product p = product == null || product.isBlank() ? null : UtilisationService.product(product);
        LocalDate f = from == null || from.isBlank() ? null : parseMonth("from", from).atDay(1);
        LocalDate t = to == null || to.isBlank() ? null : parseMonth("to", to).atDay(1);
        String path = region == null || region.isBlank() ? null : regionPath(region);
        String code = uscc == null || uscc.isBlank() ? null : uscc.trim().toUpperCase(Locale.ROOT);
        return reports.search(code, p, f, t, path, revisions, MAX_ROWS, Actors.scope());
    }

    public OutputReport get(long id) {
        return reports.find(id, Actors.scope()).orElseThrow(() -> DomainException.notFound("error.capacity.reportNotFound", id));
    }

    private String regionPath(String region) {
        try {
            return regions.get(region.trim()).path();
        } catch (DomainException e) {
            throw DomainException.invalid("region", "error.region.notFound", region);
        }
    }

    /** A reportable month: yyyy-MM, not after {@code current}, not before 2000. */
    static YearMonth month(String text, YearMonth current) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("month", "error.request.missingParameter", "month");
        }
        YearMonth m = parseMonth("month", text);
        if (m.isAfter(current)) {
            throw DomainException.invalid("month", "error.capacity.futureMonth", m.toString());
        }
        if (m.getYear() < 2000) {
            throw DomainException.invalid("month", "error.capacity.monthTooEarly", m.toString());
        }
        return m;
    }

    /** {@code entered} in {@code unit} as a quantity in the product's unit, rounded to 3 decimals. */
    static BigDecimal quantity(Product product, BigDecimal entered, String unit) {
        if (entered == null) {
            throw DomainException.invalid("quantity", "error.request.missingParameter", "quantity");
        }
        if (entered.signum() < 0) {
            throw DomainException.invalid("quantity", "error.capacity.negativeQuantity", entered.toPlainString());
        }
        BigDecimal quantity = OutputUnits.toProductUnit(product, entered, unit);
        if (quantity.scale() > 3) {
            quantity = quantity.setScale(3, java.math.RoundingMode.HALF_UP);
        }
        if (quantity.precision() - quantity.scale() > 15) {
            throw DomainException.invalid("quantity", "error.capacity.quantityTooLarge", entered.toPlainString());
        }
        return quantity;
    }

    static YearMonth parseMonth(String field, String text) {
        try {
            String t = text.trim();
            if (!t.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM", t, 0);
            }
            return YearMonth.parse(t);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "error.capacity.month", text);
        }
    }

    static String source(String text) {
        String s = text == null || text.isBlank() ? "SELF_REPORT" : text.trim().toUpperCase(Locale.ROOT);
        if (!SOURCES.contains(s)) {
            throw DomainException.invalid("source", "error.capacity.source", text);
        }
        return s;
    }

    /** Officers may enter statistics and inspection figures and confirm an implausible quantity; enterprises may not. */
    static boolean officer() {
        return Actors.principal().filter(CapgovUser.class::isInstance).map(CapgovUser.class::cast)
                .map(u -> u.hasRole(Role.COORDINATOR) || u.hasRole(Role.DEPARTMENT_OFFICER)
                        || u.hasRole(Role.DISTRICT_OFFICER) || u.hasRole(Role.ADMIN))
                .orElse(false);
    }
}
