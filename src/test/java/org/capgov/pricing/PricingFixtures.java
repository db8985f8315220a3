package org.capgov.pricing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.capgov.identity.SystemActor;
import org.capgov.monitoring.MeasurementDraft;
import org.capgov.monitoring.MeasurementService;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseDraft;
import org.capgov.registry.EnterpriseService;
import org.capgov.shared.Uscc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enterprises with one grid account each, created through the registry's services as the platform. USCC bodies
 * start with "P" and account numbers with "PR-" and a random number, so tests never meet each other's data. The
 * account is dated from 2020 so that lists of past months include it.
 */
final class PricingFixtures {

    private final EnterpriseService enterprises;
    private final MeasurementService measurements;
    private final JdbcClient jdbc;

    PricingFixtures(EnterpriseService enterprises, MeasurementService measurements, JdbcClient jdbc) {
        this.enterprises = enterprises;
        this.measurements = measurements;
        this.jdbc = jdbc;
    }

    record Works(Enterprise enterprise, String account) {
        String uscc() {
            return enterprise.uscc();
        }
    }

    Works enterprise(String region, String industry, String status, LocalDate statusSince) {
        int n = 1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000);
        String code = Uscc.compose("91", region, "P" + n);
        String account = "PR-" + n;
        Enterprise e = SystemActor.call(() -> enterprises.create(new EnterpriseDraft(code, "测试电价企业" + n, region,
                List.of(industry), null, null, null, null, List.of(account), status, statusSince, null)));
        jdbc.sql("update grid_account set valid_from = date '2020-01-01' where account_no = :a").param("a", account).update();
        return new Works(e, account);
    }

    void verified(Works w, String metric, String value, int year) {
        SystemActor.call(() -> measurements.record(new MeasurementDraft(w.uscc(), null, metric, value, "kWh/t", null,
                year + "-01-01", year + "-12-31", "INSPECTION", null, Map.of(), "核查-" + year)));
    }
}
