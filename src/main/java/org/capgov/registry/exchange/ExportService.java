package org.capgov.registry.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.capgov.audit.AuditAction;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.capgov.shared.Industry;
import org.capgov.shared.Product;
import org.capgov.shared.Uscc;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.capgov.registry.RegionDirectory;
import org.capgov.registry.EnterpriseService;
import org.capgov.registry.EnterpriseFilter;
import org.capgov.registry.EquipmentType;
import org.capgov.registry.EquipmentStatus;
import org.capgov.registry.EnterpriseStatus;
import org.capgov.shared.spreadsheet.TableWriter;
import org.capgov.shared.spreadsheet.TableFormat;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/**
 * Filtered lists of enterprises and equipment as CSV or .xlsx, streamed from the database to the response in the
 * columns of the import templates (so that an export, corrected, can be imported again). Filters are checked before
 * the first byte is written; rows follow the caller's scope; each export leaves one audit entry.
 */
@Service
public class ExportService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ChinaTime.ZONE);

    private final EnterpriseService enterprises;
    private final ExportRepository repository;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    ExportService(Clock clock, EnterpriseService enterprises, ExportRepository repository, RegionDirectory regions, AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.clock = clock;
        this.enterprises = enterprises;
        this.repository = repository;
        this.regions = regions;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** Refuses a bad filter (400 with the field) before a response is started. */
    void check(EnterpriseFilter f) {
        code("industry", f.industry(), Industry.class);
        code("status", f.status(), EnterpriseStatus.class);
        code("product", f.product(), Product.class);
        regionPath(f.region());
    }

    ExportRepository.Criteria check(ExportEquipmentFilter f) {
        String uscc = blank(f.enterprise()) ? null : f.enterprise().trim().toUpperCase(Locale.ROOT);
        if (uscc != null && !Uscc.check(uscc).structureOk()) {
            throw DomainException.invalid("enterprise", "error.registry.unknownCode", f.enterprise());
        }
        return new ExportRepository.Criteria(uscc, regionPath(f.region()), code("product", f.product(), Product.class),
                code("type", f.type(), EquipmentType.class), code("status", f.status(), EquipmentStatus.class));
    }

    /** Writes the enterprises matching a checked filter; returns how many. */
    long enterprises(EnterpriseFilter filter, TableFormat format, OutputStream out) throws IOException {
        long[] count = {0};
        try (TableWriter table = table(format, out, ImportKind.ENTERPRISES)) {
            table.row(ImportKind.ENTERPRISES.columns().stream().map(ImportColumn::header).toList());
            enterprises.export(filter, e -> {
                count[0]++;
                write(table, Arrays.asList(e.uscc(), e.name(), e.region(), String.join(";",
                        e.industries().stream().map(Industry::name).toList()), e.address(), e.legalRepresentative(),
                        e.parentUscc(), String.join(";", e.gridAccounts()), e.status().name(), e.statusSince(),
                        e.usccFlag() == null ? "否" : "是", e.regionName(), e.usccFlag(),
                        e.updatedAt() == null ? null : TIME.format(e.updatedAt())));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            // also when the download broke off: what was sent has left the platform
            record(format, "enterprise", "企业名录", filter, count[0]);
        }
        return count[0];
    }

    /** Writes the equipment matching checked criteria; returns how many. */
    long equipment(ExportRepository.Criteria criteria, TableFormat format, OutputStream out) throws IOException {
        long[] count = {0};
        DataScope scope = Actors.scope();
        try (TableWriter table = table(format, out, ImportKind.EQUIPMENT)) {
            table.row(ImportKind.EQUIPMENT.columns().stream().map(ImportColumn::header).toList());
            readOnly.executeWithoutResult(s -> repository.equipment(criteria, scope, q -> {
                count[0]++;
                write(table, Arrays.asList(q.uscc(), q.line(), q.code(), q.type(), q.parameters(), q.product(),
                        q.capacity(), q.commissioned(), q.region(), q.status(), q.statusSince(), q.enterpriseName(),
                        Product.valueOf(q.product()).unit()));
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            record(format, "equipment", "设备清单", criteria, count[0]);
        }
        return count[0];
    }

    String fileName(ImportKind kind, TableFormat format) {
        return kind.fileName() + "-" + ChinaTime.today(clock) + "." + format.extension();
    }

    private static TableWriter table(TableFormat format, OutputStream out, ImportKind kind) throws IOException {
        return format.open(out, kind.nameZh());
    }

    private static void write(TableWriter table, List<?> row) {
        try {
            table.row(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One audit entry per export: a bulk read of regulated data. */
    private void record(TableFormat format, String entity, String what, Object filter, long rows) {
        try {
            audit(format, entity, what, filter, rows);
        } catch (RuntimeException e) {
            // never hide the export's own failure behind the audit's
            org.slf4j.LoggerFactory.getLogger(ExportService.class).error("Export audit failed", e);
        }
    }

    private void audit(TableFormat format, String entity, String what, Object filter, long rows) {
        DataScope scope = Actors.scope();
        String home = scope.unrestricted() || scope.grants().isEmpty() ? null : scope.grants().get(0).regionPath();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.name());
        details.put("filter", filter);
        details.put("rows", rows);
        audit.record(new AuditEvent(AuditAction.EXPORT, entity, null, home,
                "导出" + what + "（" + format.name() + "）" + rows + " 条", null, details));
    }

    private String regionPath(String code) {
        if (blank(code)) {
            return null;
        }
        return regions.any(code.trim()).orElseThrow(() -> DomainException.invalid("region", "error.region.notFound", code))
                .path();
    }

    private static <E extends Enum<E>> String code(String field, String value, Class<E> type) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "error.registry.unknownCode", value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
