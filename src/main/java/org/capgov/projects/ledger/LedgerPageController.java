package org.capgov.projects.ledger;

import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Pages of the ledger: the accounts a person may see (an enterprise its own, officers their region's), one account
 * with its balance, sources and history, and the public page of completed trades and announced plans.
 */
@Controller
class LedgerPageController {

    private final LedgerQueries queries;

    LedgerPageController(LedgerQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/ledger")
    @PreAuthorize(LedgerApiController.READERS)
    String accounts(Model model) {
        model.addAttribute("accounts", queries.accounts());
        return "projects/ledger-accounts";
    }

    @GetMapping("/ledger/accounts/{id}")
    @PreAuthorize(LedgerApiController.READERS)
    String account(@PathVariable long id, Model model) {
        model.addAttribute("view", queries.account(id, 100));
        return "projects/ledger-account";
    }

    @GetMapping("/public/ledger")
    @PermitAll
    String published(Model model) {
        model.addAttribute("trades", queries.completedTrades(200));
        model.addAttribute("plans", queries.announcedPlans(200));
        return "projects/ledger-public";
    }
}
