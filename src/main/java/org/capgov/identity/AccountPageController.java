package org.capgov.identity;

import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own password change, compulsory at the first login outside demo mode. */
@Controller
class AccountPageController {

    private final PeopleService people;
    private final PersonDetailsService details;
    private final MessageSource messages;

    AccountPageController(PeopleService people, PersonDetailsService details, MessageSource messages) {
        this.people = people;
        this.details = details;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String form(@AuthenticationPrincipal CapgovUser user, Model model) {
        model.addAttribute("mustChange", user.mustChangePassword());
        return "account/password";
    }

    @PostMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String change(@AuthenticationPrincipal CapgovUser user, @RequestParam String currentPassword,
            @RequestParam String password, @RequestParam String confirmPassword, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        try {
            if (!password.equals(confirmPassword)) {
                throw DomainException.invalid("confirmPassword", "error.password.mismatch");
            }
            people.changeOwnPassword(user.id(), currentPassword, password);
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
            return "redirect:/account/password";
        }
        // refresh the session's principal so that the must-change flag is gone
        CapgovUser refreshed = details.loadById(user.id());
        var auth = UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/";
    }
}
