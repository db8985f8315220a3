package org.capgov.identity;

import java.time.Instant;
import java.time.LocalDate;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.capgov.shared.ChinaTime;
import java.time.Clock;

/** Long-lived tokens of system accounts (grid company, banks): issue (shown once), list, revoke. ADMIN only. */
@Controller
class TokenPageController {

    private final ApiTokenService tokens;
    private final PeopleService people;
    private final MessageSource messages;
    private final Clock clock;

    TokenPageController(Clock clock, ApiTokenService tokens, PeopleService people, MessageSource messages) {
        this.clock = clock;
        this.tokens = tokens;
        this.people = people;
        this.messages = messages;
    }

    @GetMapping("/admin/tokens")
    @PreAuthorize("hasRole('ADMIN')")
    String list(Model model) {
        model.addAttribute("tokens", tokens.systemTokens());
        model.addAttribute("systemAccounts", people.visiblePeople(null).stream().filter(Person::systemAccount).toList());
        model.addAttribute("now", clock.instant());
        return "admin/tokens";
    }

    @PostMapping("/admin/tokens")
    @PreAuthorize("hasRole('ADMIN')")
    String issue(@RequestParam long personId, @RequestParam String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
            RedirectAttributes redirect) {
        try {
            Person person = people.get(personId);
            if (!person.systemAccount()) {
                throw DomainException.invalid("personId", "error.token.notSystemAccount");
            }
            Instant expires = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
            if (expires != null && expires.isBefore(clock.instant())) {
                throw DomainException.invalid("expiresOn", "error.token.expiryPast");
            }
            String path = person.memberships().isEmpty() ? null : person.memberships().get(0).regionPath();
            IssuedToken issued = tokens.issueSystemToken(personId, name, expires, path);
            redirect.addFlashAttribute("issued", issued);
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
        }
        return "redirect:/admin/tokens";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/tokens";
    }
}
