package org.capgov.projects.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.capgov.shared.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicator ledger API: accounts and balances, issuance, transfers, plan reservations, and verification. */
@RestController
@Tag(name = "ledger", description = "Replacement indicator ledger 产能置换指标账户")
class LedgerApiController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER',"
            + "'ENTERPRISE')";
    static final String HOLDERS = "hasAnyRole('ADMIN','COORDINATOR','DISTRICT_OFFICER','ENTERPRISE')";
    static final String ISSUERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER')";
    static final String CONFIRMERS = "hasAnyRole('ADMIN','COORDINATOR')";
    static final String AUDITORS = "hasAnyRole('ADMIN','COORDINATOR','OBSERVER')";

    private final LedgerService ledger;
    private final LedgerAccounts accounts;
    private final LedgerQueries queries;
    private final IssuanceService issuance;
    private final LedgerVerification verification;

    LedgerApiController(LedgerService ledger, LedgerAccounts accounts, LedgerQueries queries, IssuanceService issuance,
            LedgerVerification verification) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.queries = queries;
        this.issuance = issuance;
        this.verification = verification;
    }

    @GetMapping("/api/v1/ledger/accounts")
    @PreAuthorize(READERS)
    @Operation(summary = "Accounts in the caller's scope 指标账户列表")
    List<LedgerAccount> accounts() {
        return queries.accounts();
    }

    @PostMapping("/api/v1/ledger/accounts")
    @PreAuthorize(HOLDERS)
    @Operation(summary = "Open an enterprise's account (uscc) or a region's reserve (reserveRegion) 开立指标账户")
    ResponseEntity<LedgerAccount> open(@RequestBody LedgerRequests.OpenAccount request) {
        LedgerAccount a = accounts.open(request);
        return ResponseEntity.created(URI.create("/api/v1/ledger/accounts/" + a.id())).body(a);
    }

    @GetMapping("/api/v1/ledger/accounts/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "An account: balance per product, units by source, recent transactions 账户余额与来源")
    LedgerQueries.AccountView account(@PathVariable long id, @RequestParam(defaultValue = "50") int history) {
        return queries.account(id, history);
    }

    @PostMapping("/api/v1/ledger/transfers")
    @PreAuthorize(HOLDERS)
    @Operation(summary = "Transfer units (a trade with price and contract) → 201, or 409 with the reason 指标转让")
    ResponseEntity<LedgerService.Outcome> transfer(@RequestBody LedgerRequests.Transfer request) {
        return created(ledger.transfer(request));
    }

    @PostMapping("/api/v1/ledger/issuances")
    @PreAuthorize(ISSUERS)
    @Operation(summary = "Issue units from a verified exit (exit case, or voluntary exit) 依据已核查退出签发指标")
    ResponseEntity<LedgerService.Outcome> issue(@RequestBody LedgerRequests.Issuance request) {
        return created(issuance.issue(request));
    }

    @PostMapping("/api/v1/ledger/reservations")
    @PreAuthorize(CONFIRMERS)
    @Operation(summary = "Reserve units for a replacement plan under public notice 置换方案公示期间预留指标")
    ResponseEntity<LedgerService.Outcome> reserve(@RequestBody LedgerRequests.Reservation request) {
        return created(ledger.reserve(request));
    }

    @PostMapping("/api/v1/ledger/accounts/{id}/plans/{plan}/retire")
    @PreAuthorize(CONFIRMERS)
    @Operation(summary = "Retire a plan's reserved units on its announcement (公告) 方案公告后注销指标")
    List<LedgerService.Outcome> retire(@PathVariable long id, @PathVariable String plan,
            @RequestBody(required = false) LedgerRequests.PlanOutcome body) {
        return ledger.settle(id, plan, true, body == null ? null : body.document());
    }

    @PostMapping("/api/v1/ledger/accounts/{id}/plans/{plan}/release")
    @PreAuthorize(CONFIRMERS)
    @Operation(summary = "Release a plan's reserved units when it is refused 方案未获确认时释放指标")
    List<LedgerService.Outcome> release(@PathVariable long id, @PathVariable String plan,
            @RequestBody(required = false) LedgerRequests.PlanOutcome body) {
        return ledger.settle(id, plan, false, body == null ? null : body.document());
    }

    @GetMapping("/api/v1/ledger/verify")
    @PreAuthorize(AUDITORS)
    @Operation(summary = "Recompute every balance from the transaction log and check the invariants 账簿核验")
    LedgerVerification.Report verify() {
        return verification.verify();
    }

    /** A recorded rejection is a 409 with its reason; the rejected transaction stays in the log. */
    private static ResponseEntity<LedgerService.Outcome> created(LedgerService.Outcome o) {
        if (!o.completed()) {
            throw DomainException.conflict("error.ledger.rejected", o.transaction(), o.reason());
        }
        return ResponseEntity.created(URI.create("/api/v1/ledger/transactions/" + o.transaction())).body(o);
    }

}
