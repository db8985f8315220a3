package org.capgov.pricing.watch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumption per grid account and day or month, as the grid company sends it: every row is checked first and any
 * fault refuses the whole batch with a row-by-row report (nothing stored); a row identical to the stored one changes
 * nothing, a different one for the same account × period replaces it (a correction, audited). The watch then runs
 * for the finished months the batch touched.
 */
@Service
public class ConsumptionService {

    public static final int MAX_ROWS = 100_000;
    /** Rows per insert statement. */
    static final int CHUNK = 20_000;
    /** From this many rows on, the load skips the foreign-key check of rows already checked here. */
    static final int UNCHECKED_FROM = 1_000;
    /** More than this per day is no plant (about twice the largest single site in the country). */
    static final BigDecimal ABSURD_PER_DAY = new BigDecimal("50000000");

    /** One row as sent: {@code period} is a month (yyyy-MM) or a day (yyyy-MM-dd). */
    public record ConsumptionRow(String gridAccount, String period, BigDecimal kwh, BigDecimal peakKw) {
    }

    /** The body of {@code POST /api/v1/electricity/consumption}. */
    public record ConsumptionBatch(List<ConsumptionRow> items) {
    }

    /** What the batch did, and the leads the watch raised from it. */
    public record Result(int stored, int unchanged, int leads) {
    }

    private record Checked(String account, String kind, LocalDate start, BigDecimal kwh, BigDecimal peak, long enterpriseId,
            String regionPath) {
    }

    /** A grid account's registration: its dates and enterprise. */
    private record Registered(LocalDate validFrom, LocalDate validTo, long enterpriseId, String regionPath, String uscc) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final WatchService watch;
    private final Clock clock;

    ConsumptionService(JdbcClient jdbc, AuditTrail audit, WatchService watch, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.watch = watch;
        this.clock = clock;
    }

    @Transactional
    public Result submit(List<ConsumptionRow> rows) {
        if (rows == null || rows.isEmpty()) {
            throw DomainException.invalid("items", "error.pricing.noItems");
        }
        if (rows.size() > MAX_ROWS) {
            throw DomainException.invalid("items", "error.pricing.tooManyItems", MAX_ROWS);
        }
        LocalDate today = ChinaTime.today(clock);
        Map<String, List<Registered>> registered = registered(rows);
        List<DomainException.FieldProblem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        for (int n = 0; n < rows.size(); n++) {
            ConsumptionRow r = rows.get(n);
            String at = "items[" + n + "]";
            String row = "第" + (n + 1) + "行：";
            if (r == null || r.gridAccount() == null || r.gridAccount().isBlank()) {
                problems.add(new DomainException.FieldProblem(at + ".gridAccount", null, row + "缺少供电户号"));
                continue;
            }
            String account = r.gridAccount().trim();
            String kind;
            LocalDate start;
            LocalDate end;
            try {
                String p = r.period() == null ? "" : r.period().trim();
                if (p.matches("\\d{4}-\\d{2}")) {
                    kind = "MONTH";
                    start = YearMonth.parse(p).atDay(1);
                    end = YearMonth.parse(p).atEndOfMonth();
                } else if (p.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    kind = "DAY";
                    start = LocalDate.parse(p);
                    end = start;
                } else {
                    throw new DateTimeParseException("period", p, 0);
                }
            } catch (DateTimeParseException e) {
                problems.add(new DomainException.FieldProblem(at + ".period", r.period(),
                        row + "期间应为年月（如 2025-07）或日期（如 2025-07-15）"));
                continue;
            }
            if (end.isAfter(today) || start.getYear() < 2000) {
                problems.add(new DomainException.FieldProblem(at + ".period", r.period(),
                        row + "期间不能晚于今天" + (kind.equals("MONTH") ? "（只能报送已结束的月份）" : "") + "，也不能早于 2000 年"));
                continue;
            }
            if ("MONTH".equals(kind) && !end.isBefore(today)) {
                problems.add(new DomainException.FieldProblem(at + ".period", r.period(), row + "当月尚未结束，不能报送月电量"));
                continue;
            }
            int days = (int) (end.toEpochDay() - start.toEpochDay() + 1);
            if (r.kwh() == null) {
                problems.add(new DomainException.FieldProblem(at + ".kwh", null, row + "电量不能为空"));
                continue;
            }
            if (r.kwh().signum() < 0) {
                problems.add(new DomainException.FieldProblem(at + ".kwh", r.kwh().toPlainString(), row + "电量不能为负数"));
                continue;
            }
            if (r.kwh().compareTo(ABSURD_PER_DAY.multiply(BigDecimal.valueOf(days))) > 0) {
                problems.add(new DomainException.FieldProblem(at + ".kwh", r.kwh().toPlainString(),
                        row + "电量数值不合理（超过每日 5000 万千瓦时）"));
                continue;
            }
            if (r.peakKw() != null && (r.peakKw().signum() < 0 || r.peakKw().compareTo(new BigDecimal("3000000")) > 0)) {
                problems.add(new DomainException.FieldProblem(at + ".peakKw", r.peakKw().toPlainString(),
                        row + "最大负荷数值不合理"));
                continue;
            }
            LocalDate s0 = start;
            LocalDate e0 = end;
            Optional<Registered> acc = registered.getOrDefault(account, List.of()).stream()
                    .filter(g -> !g.validFrom().isAfter(e0) && (g.validTo() == null || g.validTo().isAfter(s0)))
                    .findFirst();
            if (acc.isEmpty()) {
                problems.add(new DomainException.FieldProblem(at + ".gridAccount", account, row + "供电户号不存在或该期间未登记"));
                continue;
            }
            String path = acc.get().regionPath();
            if (!Actors.scope().coversEnterprise(path, acc.get().uscc())) {
                problems.add(new DomainException.FieldProblem(at + ".gridAccount", account, row + "该户号不在您的管辖范围内"));
                continue;
            }
            String key = account + "|" + kind + "|" + start;
            Integer earlier = keys.putIfAbsent(key, n);
            if (earlier != null) {
                problems.add(new DomainException.FieldProblem(at + ".period", r.period(),
                        row + "与第" + (earlier + 1) + "行的户号和期间相同"));
                continue;
            }
            checked.add(new Checked(account, kind, start, r.kwh().setScale(2, RoundingMode.HALF_UP),
                    r.peakKw() == null ? null : r.peakKw().setScale(2, RoundingMode.HALF_UP),
                    acc.get().enterpriseId(), path));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        int stored = 0;
        Map<String, Integer> changedByRegion = new LinkedHashMap<>();
        Set<YearMonth> months = new LinkedHashSet<>();
        Set<String> accounts = new LinkedHashSet<>();
        String by = Actors.username();
        Set<String> changed = write(checked, by);
        for (Checked c : checked) {
            if (changed.contains(c.account() + "|" + c.kind() + "|" + c.start())) {
                stored++;
                changedByRegion.merge(c.regionPath(), 1, Integer::sum);
                YearMonth m = YearMonth.from(c.start());
                if (m.isBefore(YearMonth.from(today))) {
                    months.add(m);
                    accounts.add(c.account());
                }
            }
        }
        changedByRegion.forEach((path, count) -> {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("rows", count);
            audit.record(AuditEvent.created("electricity_consumption", "batch", path, after));
        });
        int leads = 0;
        for (YearMonth m : months) {
            leads += watch.run(m, accounts);
        }
        return new Result(stored, checked.size() - stored, leads);
    }

    /**
     * Writes the checked rows, one statement per chunk, and returns the keys of the rows inserted or changed (an
     * identical row is left as it is and not returned). Every row's account and enterprise were looked up above, so
     * a large batch skips the per-row foreign-key check where the database lets it (as the registry's import does):
     * that check locked the enterprise row once per consumption row and was most of the load's time.
     */
    private Set<String> write(List<Checked> checked, String by) {
        boolean unchecked = checked.size() >= UNCHECKED_FROM && jdbc.sql(
                "select has_parameter_privilege('session_replication_role', 'SET')").query(Boolean.class).single();
        if (unchecked) {
            jdbc.sql("set local session_replication_role = replica").update();
        }
        Set<String> changed = new java.util.HashSet<>();
        for (int from = 0; from < checked.size(); from += CHUNK) {
            List<Checked> chunk = checked.subList(from, Math.min(checked.size(), from + CHUNK));
            int n = chunk.size();
            String[] accounts = new String[n];
            String[] kinds = new String[n];
            String[] starts = new String[n];
            Long[] enterprises = new Long[n];
            String[] paths = new String[n];
            String[] kwhs = new String[n];
            String[] peaks = new String[n];
            for (int i = 0; i < n; i++) {
                Checked c = chunk.get(i);
                accounts[i] = c.account();
                kinds[i] = c.kind();
                starts[i] = c.start().toString();
                enterprises[i] = c.enterpriseId();
                paths[i] = c.regionPath();
                kwhs[i] = c.kwh().toPlainString();
                peaks[i] = c.peak() == null ? null : c.peak().toPlainString();
            }
            jdbc.sql("""
                    insert into electricity_consumption (account_no, period_kind, period_start, enterprise_id, region_path,
                                                         kwh, peak_kw, recorded_by)
                    select a, k, s, e, p, w, pk, :by
                    from unnest(cast(:accounts as text[]), cast(:kinds as text[]), cast(cast(:starts as text[]) as date[]),
                                cast(:enterprises as bigint[]), cast(:paths as text[]), cast(cast(:kwhs as text[]) as numeric[]),
                                cast(cast(:peaks as text[]) as numeric[])) as u(a, k, s, e, p, w, pk)
                    on conflict (account_no, period_kind, period_start) do update set kwh = excluded.kwh,
                        peak_kw = excluded.peak_kw, recorded_by = excluded.recorded_by, recorded_at = now()
                    where (electricity_consumption.kwh, electricity_consumption.peak_kw)
                          is distinct from (excluded.kwh, excluded.peak_kw)
                    returning account_no, period_kind, period_start""")
                    .param("by", by).param("accounts", accounts).param("kinds", kinds)
                    .param("starts", starts)
                    .param("enterprises", enterprises).param("paths", paths).param("kwhs", kwhs).param("peaks", peaks)
                    .query((java.sql.ResultSet rs) -> {
                        changed.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getDate(3).toLocalDate());
                    });
        }
        if (unchecked) {
            // the watch's leads, audit entries and notices that follow in this transaction keep every check
            jdbc.sql("set local session_replication_role = origin").update();
        }
        return changed;
    }

    /** The registrations of every account the batch names, in one read (latest first per account). */
    private Map<String, List<Registered>> registered(List<ConsumptionRow> rows) {
        List<String> names = rows.stream().filter(r -> r != null && r.gridAccount() != null && !r.gridAccount().isBlank())
                .map(r -> r.gridAccount().trim()).distinct().toList();
        Map<String, List<Registered>> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select g.account_no, g.valid_from, g.valid_to, e.id, e.region_path, e.uscc
                from grid_account g join enterprise e on e.id = g.enterprise_id
                where g.account_no = any(:a) order by g.account_no, g.valid_from desc""")
                .param("a", names.toArray(String[]::new))
                .query((java.sql.ResultSet rs) -> {
                    Date to = rs.getDate(3);
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Registered(
                            rs.getDate(2).toLocalDate(), to == null ? null : to.toLocalDate(), rs.getLong(4),
                            rs.getString(5), rs.getString(6)));
                });
        return out;
    }
}
