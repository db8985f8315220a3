package org.capgov.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.capgov.identity.CapgovUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notices over JSON; another person's notice is 404. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notification", description = "The caller's notices 我的通知")
class InboxApiController {

    /** The unread count, one page of notices, and whether another page follows ({@code page + 1}). */
    record InboxView(long unread, List<InboxEntry> notifications, int page, int limit, boolean more) {
    }

    record Marked(int marked) {
    }

    private final Inbox inbox;

    InboxApiController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "My notices, unread first, a page of at most 200 我的通知（未读在前，每页至多 200 条）")
    InboxView list(@AuthenticationPrincipal CapgovUser user, @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int limit) {
        Inbox.Page result = inbox.page(user.id(), unread, page, limit);
        return new InboxView(inbox.unreadCount(user.id()), result.entries(), result.page(), result.limit(),
                result.more());
    }

    @PostMapping("/{id}/read")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Mark one of my notices read 标为已读")
    InboxEntry read(@AuthenticationPrincipal CapgovUser user, @PathVariable long id) {
        return inbox.markRead(user.id(), id);
    }

    @PostMapping("/read-all")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Mark all my notices read 全部标为已读")
    Marked readAll(@AuthenticationPrincipal CapgovUser user) {
        return new Marked(inbox.markAllRead(user.id()));
    }
}
