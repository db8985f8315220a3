package org.capgov.notification;

import jakarta.servlet.http.HttpServletRequest;
import org.capgov.identity.CapgovUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count for the badge in the navigation bar of every page (not counted for API calls). */
@ControllerAdvice(annotations = Controller.class)
class InboxBadgeAdvice {

    private final Inbox inbox;

    InboxBadgeAdvice(Inbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("unreadNotices")
    Long unreadNotices(@AuthenticationPrincipal CapgovUser user, HttpServletRequest request) {
        if (user == null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return inbox.unreadCount(user.id());
    }
}
