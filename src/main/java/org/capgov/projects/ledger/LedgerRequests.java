package org.capgov.projects.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Bodies of the ledger API. */
public final class LedgerRequests {

    private LedgerRequests() {
    }

    /** Opens an enterprise's account ({@code uscc}) or a region's reserve ({@code reserveRegion}). */
    public record OpenAccount(String uscc, String reserveRegion) {
    }

    /** A transfer of units of one product between accounts: a trade when it carries a price and a contract. */
    public record Transfer(Long from, Long to, String product, BigDecimal quantity, BigDecimal price, String contract) {
    }

    /**
     * Issuance from a verified exit: an enforcement exit case ({@code caseId}), or a voluntary exit of an equipment item
     * ({@code uscc} + {@code equipmentRef}) verified by the department on {@code verifiedOn}. {@code toReserve} puts
     * the units in the region's reserve instead of the enterprise's account.
     */
    public record Issuance(String caseId, String uscc, String equipmentRef, LocalDate verifiedOn, String document,
            Boolean toReserve) {
    }

    /** A replacement plan under public notice reserves units of an account. */
    public record Reservation(Long account, String product, BigDecimal quantity, String plan) {
    }

    /** Retirement (on 公告) or release (on refusal) of a plan's reservation. */
    public record PlanOutcome(String document, String reason) {
    }
}
