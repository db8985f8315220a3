package org.capgov.supervision.awards;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An award or subsidy granted for one exit, with its worker resettlement figures and its instalments. */
public record ExitAward(long id, String caseId, String uscc, String enterpriseName, String regionCode,
        String regionName, String regionPath, Long equipmentId, String equipmentCode, BigDecimal capacity,
        String unit, BigDecimal amountYuan, String document, int workersAffected, int workersResettled,
        BigDecimal resettlementYuan, String grantedBy, Instant grantedAt, List<Instalment> instalments) {

    /** One instalment: the exit step it waits for, the amount, and once paid the day and document. */
    public record Instalment(long id, String step, BigDecimal amountYuan, LocalDate paidOn, String paidDocument,
            String paidBy) {

        public boolean paid() {
            return paidOn != null;
        }
    }

    public BigDecimal paidYuan() {
        return instalments.stream().filter(Instalment::paid).map(Instalment::amountYuan)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal outstandingYuan() {
        return amountYuan.subtract(paidYuan());
    }
}
