package org.capgov.pricing.objection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Objections to surcharges through the API. */
@RestController
@Tag(name = "pricing", description = "Differential, ladder and punitive electricity prices 差别电价、阶梯电价、惩罚性电价")
class ObjectionApiController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE','OBSERVER')";
    static final String DECIDERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER')";

    /** The objections. */
    record Objections(List<Objection> items) {
    }

    /** A decision. */
    record DecisionBody(String decision, String reason) {
    }

    private final ObjectionService objections;

    ObjectionApiController(ObjectionService objections) {
        this.objections = objections;
    }

    @GetMapping("/api/v1/pricing/objections")
    @PreAuthorize(READERS)
    @Operation(summary = "Objections in the caller's scope (an enterprise sees its own) 电价异议")
    Objections list() {
        return new Objections(objections.list(500));
    }

    @PostMapping("/api/v1/pricing/objections")
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Operation(summary = "An enterprise objects to a surcharge of its account in a month's list, with a document 提出异议")
    Objection lodge(@RequestParam(required = false) String gridAccount, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String month, @RequestParam(required = false) String reason,
            @RequestParam(required = false) MultipartFile document) throws IOException {
        return objections.lodge(gridAccount, kind, month, reason, document == null || document.isEmpty() ? null
                : new ObjectionService.Document(document.getOriginalFilename(), document.getContentType(),
                        document.getBytes()));
    }

    @PostMapping("/api/v1/pricing/objections/{id}/decision")
    @PreAuthorize(DECIDERS)
    @Operation(summary = "Uphold or reject an objection with a reason; upheld: the kind leaves the account's lists and "
            + "the refund due is recorded (audited) 异议决定")
    Objection decide(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
        return objections.decide(id, body == null ? null : body.decision(), body == null ? null : body.reason());
    }
}
