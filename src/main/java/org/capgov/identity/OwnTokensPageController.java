package org.capgov.identity;

import java.time.Clock;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own API tokens: see where they were issued and last used, and revoke any of them. */
@Controller
class OwnTokensPageController {

    private final ApiTokenService tokens;
    private final MessageSource messages;
    private final Clock clock;

    OwnTokensPageController(ApiTokenService tokens, MessageSource messages, Clock clock) {
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/account/tokens")
    @PreAuthorize("isAuthenticated()")
    String list(@AuthenticationPrincipal CapgovUser user, Model model) {
        model.addAttribute("tokens", tokens.ownTokens(user.id()));
        model.addAttribute("now", clock.instant());
        return "account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    @PreAuthorize("isAuthenticated()")
    String revoke(@AuthenticationPrincipal CapgovUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            tokens.revokeOwn(user.id(), id);
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/account/tokens";
    }
}
