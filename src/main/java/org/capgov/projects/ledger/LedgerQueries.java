package org.capgov.projects.ledger;

import java.util.List;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of accounts within the caller's scope: an enterprise sees its own account, officers their region's. */
@Service
public class LedgerQueries {

    /** An account with its balance per product and state, its units by source, and its recent transactions. */
    public record AccountView(LedgerAccount account, List<LedgerRepository.Holding> balances,
            List<LedgerRepository.SourceHolding> unitsBySource, List<LedgerRepository.TransactionRow> history) {
    }

    private final LedgerRepository ledger;

    LedgerQueries(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    @Transactional(readOnly = true)
    public AccountView account(long id, int history) {
        LedgerAccount a = ledger.accountInScope(id, Actors.scope())
                .orElseThrow(() -> DomainException.notFound("error.ledger.accountNotFound", id));
        return new AccountView(a, ledger.holdings(id), ledger.bySource(id), ledger.history(id, Math.max(1, Math.min(history, 500))));
    }

    @Transactional(readOnly = true)
    public List<LedgerAccount> accounts() {
        return ledger.accounts(Actors.scope(), 1000);
    }

    /** Completed trades for the public page: accounts, product, quantity, price, contract; no scope (published). */
    @Transactional(readOnly = true)
    public List<LedgerRepository.PublicEntry> completedTrades(int limit) {
        return ledger.published("TRANSFER", limit);
    }

    /** Units retired by announced replacement plans (公告), for the public page; no scope (published). */
    @Transactional(readOnly = true)
    public List<LedgerRepository.PublicEntry> announcedPlans(int limit) {
        return ledger.published("RETIREMENT", limit);
    }
}
