package org.capgov.pricing.registration;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.audit.AuditEvent;
import org.capgov.audit.AuditTrail;
import org.capgov.pricing.scale.GreenPowerRelief;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The share of non-hydro renewable electricity a grid account used in a year, with the province's incentive weight
 * of that year (发改价格〔2021〕1239号; readings G1–G3): the ladder of the following year is cut by the relief. One
 * figure per account and year; a new one replaces it (audited with the old values).
 */
@Service
public class GreenShareService {

    /** A recorded share, with the relief it gives. */
    public record GreenShare(String gridAccount, int year, String uscc, String enterpriseName, String regionPath,
            BigDecimal sharePercent, BigDecimal provinceWeightPercent, int reliefPercent, String document,
            String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    GreenShareService(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public GreenShare record(String gridAccount, String year, String sharePercent, String provinceWeightPercent,
            String document) {
        Registrations.Found e = Registrations.account(jdbc, gridAccount);
        String account = gridAccount.trim();
        int y;
        try {
            y = Integer.parseInt(year == null ? "" : year.trim());
        } catch (NumberFormatException ex) {
            throw DomainException.invalid("year", "error.pricing.year", year);
        }
        if (y < 2020 || y > ChinaTime.today(clock).getYear()) {
            throw DomainException.invalid("year", "error.pricing.year", year);
        }
        BigDecimal share = Registrations.percent("sharePercent", sharePercent);
        BigDecimal weight = Registrations.percent("provinceWeightPercent", provinceWeightPercent);
        String doc = Registrations.text("document", document, 200, true);
        Map<String, Object> before = jdbc.sql("""
                select share_percent, province_weight_percent, document from green_power_share
                where account_no = :a and year = :y""").param("a", account).param("y", y).query().listOfRows()
                .stream().findFirst().orElse(null);
        jdbc.sql("""
                insert into green_power_share (account_no, year, enterprise_id, uscc, region_path, share_percent,
                                               province_weight_percent, document, recorded_by)
                values (:a, :y, :e, :uscc, :path, :share, :weight, :doc, :by)
                on conflict (account_no, year) do update set share_percent = excluded.share_percent,
                    province_weight_percent = excluded.province_weight_percent, document = excluded.document,
                    recorded_by = excluded.recorded_by, recorded_at = now()""")
                .param("a", account).param("y", y).param("e", e.enterpriseId()).param("uscc", e.uscc())
                .param("path", e.regionPath()).param("share", share).param("weight", weight).param("doc", doc)
                .param("by", Actors.username()).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("gridAccount", account);
        after.put("year", y);
        after.put("sharePercent", share.toPlainString());
        after.put("provinceWeightPercent", weight.toPlainString());
        after.put("document", doc);
        String id = account + ":" + y;
        if (before == null) {
            audit.record(AuditEvent.created("green_power_share", id, e.regionPath(), after));
        } else {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("sharePercent", String.valueOf(before.get("share_percent")));
            b.put("provinceWeightPercent", String.valueOf(before.get("province_weight_percent")));
            b.put("document", before.get("document"));
            audit.record(AuditEvent.updated("green_power_share", id, e.regionPath(), b, after));
        }
        return list(500).stream().filter(g -> g.gridAccount().equals(account) && g.year() == y).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<GreenShare> list(int limit) {
        SqlPredicate s = Actors.scope().predicate("g.region_path", null, "g.uscc");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("limit", Math.max(1, Math.min(limit, 500)));
        return jdbc.sql("""
                select g.account_no, g.year, g.uscc, e.name, g.region_path, g.share_percent, g.province_weight_percent,
                       g.document, g.recorded_by
                from green_power_share g join enterprise e on e.id = g.enterprise_id where """ + " " + s.sql()
                + " order by g.recorded_at desc limit :limit").params(p).query((rs, i) -> row(rs)).list();
    }

    private static GreenShare row(ResultSet rs) throws SQLException {
        BigDecimal share = rs.getBigDecimal("share_percent");
        BigDecimal weight = rs.getBigDecimal("province_weight_percent");
        int year = rs.getInt("year");
        return new GreenShare(rs.getString("account_no"), year, rs.getString("uscc"), rs.getString("name"),
                rs.getString("region_path"), share, weight,
                GreenPowerRelief.reliefPercent(new GreenPowerRelief.GreenShare(year, share, weight)),
                rs.getString("document"), rs.getString("recorded_by"));
    }
}
