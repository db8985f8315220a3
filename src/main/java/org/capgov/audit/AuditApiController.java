package org.capgov.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.capgov.shared.Actors;
import org.capgov.shared.DomainException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over JSON: verification of the chain, and the scoped, filtered list. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "Audit trail 审计日志")
class AuditApiController {

    record AuditPage(long total, int page, int size, List<AuditEntry> entries) {
    }

    private final AuditReader reader;

    AuditApiController(AuditReader reader) {
        this.reader = reader;
    }

    @GetMapping("/verify")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','OBSERVER')")
    @Operation(summary = "Re-compute the hash chain 校验审计链")
    AuditVerification verify() {
        return reader.verify();
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','OBSERVER')")
    @Operation(summary = "Audit entries in the caller's scope, newest first 审计记录")
    AuditPage list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw DomainException.invalid("page", "error.request.page");
        }
        if (size < 1 || size > 500) {
            throw DomainException.invalid("size", "error.request.size", 500);
        }
        AuditFilter filter = new AuditFilter(from, to, actor, action, entityType, entityId);
        return new AuditPage(reader.count(Actors.scope(), filter), page, size,
                reader.search(Actors.scope(), filter, page, size));
    }
}
