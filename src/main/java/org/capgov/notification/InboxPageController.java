package org.capgov.notification;

import org.capgov.identity.CapgovUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox page: the logged-in person's notices, unread first. */
@Controller
class InboxPageController {

    private final Inbox inbox;

    InboxPageController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    @PreAuthorize("isAuthenticated()")
    String list(@AuthenticationPrincipal CapgovUser user, @RequestParam(defaultValue = "false") boolean unread,
            Model model) {
        model.addAttribute("entries", inbox.list(user.id(), unread, Inbox.MAX_LIMIT));
        model.addAttribute("unreadOnly", unread);
        return "notification/inbox";
    }

    /** Opens what the notice is about, marking it read on the way. */
    @PostMapping("/inbox/{id}/open")
    @PreAuthorize("isAuthenticated()")
    String open(@AuthenticationPrincipal CapgovUser user, @PathVariable long id) {
        InboxEntry entry = inbox.markRead(user.id(), id);
        // links are checked on delivery to be paths inside the application
        return "redirect:" + (entry.link() == null ? "/inbox" : entry.link());
    }

    @PostMapping("/inbox/{id}/read")
    @PreAuthorize("isAuthenticated()")
    String read(@AuthenticationPrincipal CapgovUser user, @PathVariable long id) {
        inbox.markRead(user.id(), id);
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/read-all")
    @PreAuthorize("isAuthenticated()")
    String readAll(@AuthenticationPrincipal CapgovUser user) {
        inbox.markAllRead(user.id());
        return "redirect:/inbox";
    }
}
