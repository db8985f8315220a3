package org.capgov.pricing.surcharge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.pricing.scale.PriceCatalogue;
import org.capgov.shared.Actors;
import org.capgov.shared.DataScope;
import org.capgov.shared.DomainException;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grid company's side of the list: acknowledging it, and posting back what it billed per account and kind
 * (all rows or none; a re-sent row replaces the earlier one). Officers compare billed with due; the fund ledger sums
 * the billing records alone.
 */
@Service
public class BillingService {

    /** A consumption or amount above this is refused as absurd (about 100 TWh a month). */
    static final BigDecimal ABSURD = new BigDecimal("100000000000");

    /** One billed line as posted. */
    public record BilledLine(String gridAccount, String kind, BigDecimal consumptionKwh, BigDecimal amountYuan,
            BigDecimal collectedYuan) {
    }

    /** The body of {@code POST /api/v1/pricing/billing}. */
    public record Billing(String month, List<BilledLine> items) {
    }

    /** What was stored: rows new or changed, rows identical to what was there. */
    public record BillingResult(String month, int stored, int unchanged) {
    }

    /** One line of the billed-versus-due comparison. */
    public record Comparison(SurchargeItem item, BigDecimal consumptionKwh, BigDecimal billedYuan, BigDecimal dueYuan,
            BigDecimal collectedYuan, String status) {
    }

    /** An acknowledgement of a month's list. */
    public record Acknowledgement(String month, String region, int items, String scalesVersion, String acknowledgedBy) {
    }

    private final SurchargeService surcharges;
    private final PriceCatalogue catalogue;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    BillingService(SurchargeService surcharges, PriceCatalogue catalogue, JdbcClient jdbc, AuditTrail audit) {
        this.surcharges = surcharges;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public Acknowledgement acknowledge(String month, String region) {
        YearMonth m = surcharges.month(month);
        String path = surcharges.regionPath(region);
        if (!Actors.scope().coversRegion(path)) {
            // the list of a region outside the scope reads empty: signing it would record a receipt for nothing
            throw DomainException.invalid("region", "error.pricing.regionNotInScope", region.trim());
        }
        // the first acknowledgement stores the list; later fetches return the stored rows (reading P9)
        SurchargeList list = surcharges.isStored(m, path) ? surcharges.list(month, region)
                : surcharges.store(m, region.trim(), path, "ACKNOWLEDGED");
        long id = jdbc.sql("""
                insert into pricing_list_ack (month, region_code, items, scales_version, acknowledged_by)
                values (:month, :region, :items, :version, :by) returning id""")
                .param("month", Date.valueOf(YearMonth.parse(list.month()).atDay(1))).param("region", list.region())
                .param("items", list.items().size()).param("version", catalogue.version())
                .param("by", Actors.username()).query(Long.class).single();
        Acknowledgement a = new Acknowledgement(list.month(), list.region(), list.items().size(), catalogue.version(),
                Actors.username());
        audit.record(AuditEvent.created("pricing_list_ack", Long.toString(id), surcharges.regionPath(region), a));
        return a;
    }

    /**
     * Stores the list of a month afresh for a region, after findings changed: what the grid company fetches from now
     * on (audited, with the number of items before and after).
     */
    @Transactional
    public Acknowledgement regenerate(String month, String region) {
        YearMonth m = surcharges.month(month);
        String path = surcharges.regionPath(region);
        if (!Actors.scope().coversRegion(path)) {
            // computed within the caller's scope, a wider region's list would be stored short for everyone
            throw DomainException.invalid("region", "error.pricing.regionNotInScope", region.trim());
        }
        int before = surcharges.isStored(m, path) ? surcharges.list(month, region).items().size() : -1;
        SurchargeList list = surcharges.store(m, region.trim(), path, "REGENERATED");
        Acknowledgement a = new Acknowledgement(list.month(), list.region(), list.items().size(), catalogue.version(),
                Actors.username());
        audit.record(AuditEvent.updated("pricing_stored_list", list.month() + ":" + list.region(), path,
                Map.of("items", before), Map.of("items", list.items().size(), "cause", "REGENERATED")));
        return a;
    }

    @Transactional
    public BillingResult bill(Billing billing) {
        if (billing == null) {
            throw DomainException.invalid("month", "error.request.missingParameter", "month");
        }
        YearMonth month = surcharges.month(billing.month());
        if (billing.items() == null || billing.items().isEmpty()) {
            throw DomainException.invalid("items", "error.pricing.noItems");
        }
        if (billing.items().size() > 50_000) {
            throw DomainException.invalid("items", "error.pricing.tooManyItems", 50_000);
        }
        // only the regions of the billed accounts are read: their stored list where acknowledged, else computed
        Map<String, SurchargeItem> due = surcharges.dueFor(billing.items().stream().filter(l -> l != null
                && l.gridAccount() != null).map(l -> l.gridAccount().trim()).toList(), month, Actors.scope());
        List<DomainException.FieldProblem> problems = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int n = 0; n < billing.items().size(); n++) {
            BilledLine l = billing.items().get(n);
            String at = "items[" + n + "]";
            String row = "第" + (n + 1) + "行：";
            if (l == null || l.gridAccount() == null || l.kind() == null) {
                problems.add(new DomainException.FieldProblem(at + ".gridAccount", null, row + "缺少户号或加价类别"));
                continue;
            }
            SurchargeItem item = due.get(l.gridAccount().trim() + "|" + l.kind().trim());
            if (item == null) {
                problems.add(new DomainException.FieldProblem(at + ".gridAccount", l.gridAccount(),
                        row + "该户号本月清单中没有此类加价（或不在您的范围内）"));
                continue;
            }
            if (!seen.add(item.gridAccount() + "|" + item.kind())) {
                problems.add(new DomainException.FieldProblem(at + ".gridAccount", l.gridAccount(), row + "同一户号同一类别重复"));
            }
            check(problems, at + ".consumptionKwh", row + "结算电量", l.consumptionKwh(), true);
            check(problems, at + ".amountYuan", row + "加价金额", l.amountYuan(), true);
            check(problems, at + ".collectedYuan", row + "已收金额", l.collectedYuan(), false);
            if (l.collectedYuan() != null && l.amountYuan() != null && l.collectedYuan().compareTo(l.amountYuan()) > 0) {
                problems.add(new DomainException.FieldProblem(at + ".collectedYuan", l.collectedYuan().toPlainString(),
                        row + "已收金额大于加价金额"));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        int stored = 0;
        int unchanged = 0;
        for (BilledLine l : billing.items()) {
            SurchargeItem item = due.get(l.gridAccount().trim() + "|" + l.kind().trim());
            BigDecimal collected = l.collectedYuan() == null ? BigDecimal.ZERO : l.collectedYuan();
            Map<String, Object> p = new HashMap<>();
            p.put("month", Date.valueOf(month.atDay(1)));
            p.put("account", item.gridAccount());
            p.put("kind", item.kind());
            p.put("uscc", item.uscc());
            p.put("path", item.regionPath());
            p.put("rate", item.rate());
            p.put("unit", item.unit());
            p.put("kwh", l.consumptionKwh().setScale(2, RoundingMode.HALF_UP));
            p.put("amount", l.amountYuan().setScale(2, RoundingMode.HALF_UP));
            p.put("collected", collected.setScale(2, RoundingMode.HALF_UP));
            p.put("by", Actors.username());
            int changed = jdbc.sql("""
                    insert into pricing_billing (month, account_no, kind, enterprise_id, region_path, rate, unit,
                                                 consumption_kwh, amount_yuan, collected_yuan, recorded_by)
                    values (:month, :account, :kind, (select id from enterprise where uscc = :uscc), :path, :rate, :unit,
                            :kwh, :amount, :collected, :by)
                    on conflict (month, account_no, kind) do update set consumption_kwh = excluded.consumption_kwh,
                        amount_yuan = excluded.amount_yuan, collected_yuan = excluded.collected_yuan, rate = excluded.rate,
                        recorded_by = excluded.recorded_by, recorded_at = now()
                    where (pricing_billing.consumption_kwh, pricing_billing.amount_yuan, pricing_billing.collected_yuan)
                          is distinct from (excluded.consumption_kwh, excluded.amount_yuan, excluded.collected_yuan)
                    """).params(p).update();
            if (changed == 0) {
                unchanged++;
                continue;
            }
            stored++;
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("month", month.toString());
            after.put("gridAccount", item.gridAccount());
            after.put("kind", item.kind());
            after.put("consumptionKwh", p.get("kwh").toString());
            after.put("amountYuan", p.get("amount").toString());
            after.put("collectedYuan", p.get("collected").toString());
            audit.record(AuditEvent.created("pricing_billing", month + ":" + item.gridAccount() + ":" + item.kind(),
                    item.regionPath(), after));
        }
        return new BillingResult(month.toString(), stored, unchanged);
    }

    private static void check(List<DomainException.FieldProblem> problems, String field, String label, BigDecimal v,
            boolean required) {
        if (v == null) {
            if (required) {
                problems.add(new DomainException.FieldProblem(field, null, label + "不能为空"));
            }
        } else if (v.signum() < 0) {
            problems.add(new DomainException.FieldProblem(field, v.toPlainString(), label + "不能为负数"));
        } else if (v.compareTo(ABSURD) > 0) {
            problems.add(new DomainException.FieldProblem(field, v.toPlainString(), label + "数值不合理（过大）"));
        }
    }

    /** Each item of the month's list with what was billed for it; due = consumption × rate for yuan-per-kWh rates. */
    @Transactional(readOnly = true)
    public List<Comparison> compare(String month, String region) {
        SurchargeList list = surcharges.list(month, region);
        Map<String, Map<String, Object>> billed = new HashMap<>();
        String path = surcharges.regionPath(region);
        SqlPredicate s = Actors.scope().regionPredicate("region_path");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("month", Date.valueOf(YearMonth.parse(list.month()).atDay(1)));
        p.put("path", path + "%");
        jdbc.sql("select account_no, kind, consumption_kwh, amount_yuan, collected_yuan from pricing_billing "
                + "where month = :month and region_path like :path and " + s.sql()).params(p)
                .query((java.sql.ResultSet rs) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("kwh", rs.getBigDecimal(3));
                    row.put("amount", rs.getBigDecimal(4));
                    row.put("collected", rs.getBigDecimal(5));
                    billed.put(rs.getString(1) + "|" + rs.getString(2), row);
                });
        List<Comparison> out = new ArrayList<>();
        for (SurchargeItem i : list.items()) {
            Map<String, Object> b = billed.get(i.gridAccount() + "|" + i.kind());
            if (b == null) {
                out.add(new Comparison(i, null, null, null, null, "NOT_BILLED"));
                continue;
            }
            BigDecimal kwh = (BigDecimal) b.get("kwh");
            BigDecimal amount = (BigDecimal) b.get("amount");
            BigDecimal dueYuan = "元/kWh".equals(i.unit()) ? kwh.multiply(i.rate()).setScale(2, RoundingMode.HALF_UP) : null;
            String status = dueYuan == null ? "BILLED" : dueYuan.compareTo(amount) == 0 ? "MATCHES"
                    : amount.compareTo(dueYuan) < 0 ? "UNDER_BILLED" : "OVER_BILLED";
            out.add(new Comparison(i, kwh, amount, dueYuan, (BigDecimal) b.get("collected"), status));
        }
        return out;
    }

    /** The scope check the ledger and pages use. */
    static DataScope scope() {
        return Actors.scope();
    }
}
