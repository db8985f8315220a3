package org.capgov.pricing.surcharge;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.Actors;
import org.capgov.shared.SqlPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fund ledger: surcharge money billed and collected per district and month, summed from the billing records
 * alone (so the finance department can reproduce it), with the shares: seed 000 二、（七） gives the money collected to
 * the treasury for resolving overcapacity, and no document gives the grid company a share
 * (docs/decisions/pricing-readings.md P7).
 */
@Service
public class FundLedgerService {

    /** The treasury's share of collected surcharge money (seed 000 二、（七） "财政收取的…资金，由市政府用于化解过剩产能工作"). */
    public static final BigDecimal TREASURY_SHARE = BigDecimal.ONE;

    /** One line of the statement. */
    public record LedgerLine(String month, String district, String kind, long accounts, BigDecimal consumptionKwh,
            BigDecimal billedYuan, BigDecimal collectedYuan, BigDecimal treasuryYuan, BigDecimal gridYuan) {
    }

    private final JdbcClient jdbc;
    private final SurchargeService surcharges;

    FundLedgerService(JdbcClient jdbc, SurchargeService surcharges) {
        this.jdbc = jdbc;
        this.surcharges = surcharges;
    }

    @Transactional(readOnly = true)
    public List<LedgerLine> statement(String from, String to, String region) {
        YearMonth f = surcharges.month(from);
        YearMonth t = to == null || to.isBlank() ? f : surcharges.month(to);
        String path = surcharges.regionPath(region);
        SqlPredicate s = Actors.scope().regionPredicate("region_path");
        Map<String, Object> p = new HashMap<>(s.params());
        p.put("from", Date.valueOf(f.atDay(1)));
        p.put("to", Date.valueOf(t.atDay(1)));
        p.put("path", path + "%");
        List<LedgerLine> out = new ArrayList<>();
        jdbc.sql("""
                select to_char(month, 'YYYY-MM') as m, split_part(region_path, '/', 3) as district, kind,
                       count(distinct account_no) as accounts, sum(consumption_kwh) as kwh, sum(amount_yuan) as billed,
                       sum(collected_yuan) as collected
                from pricing_billing
                where month between :from and :to and region_path like :path and """ + " " + s.sql() + """

                group by 1, 2, 3 order by 1, 2, 3""").params(p).query((java.sql.ResultSet rs) -> {
                    BigDecimal collected = rs.getBigDecimal("collected");
                    BigDecimal treasury = collected.multiply(TREASURY_SHARE).setScale(2, java.math.RoundingMode.HALF_UP);
                    out.add(new LedgerLine(rs.getString("m"), rs.getString("district"), rs.getString("kind"),
                            rs.getLong("accounts"), rs.getBigDecimal("kwh"), rs.getBigDecimal("billed"), collected, treasury,
                            collected.subtract(treasury)));
                });
        return out;
    }
}
