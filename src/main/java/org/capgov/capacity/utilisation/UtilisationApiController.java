package org.capgov.capacity.utilisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Utilisation figures: officers, observers and financial institutions (industry figures, no enterprise's). */
@RestController
@Tag(name = "capacity", description = "Output, utilisation and warnings 产能利用率与预警")
class UtilisationApiController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'FINANCIAL_INSTITUTION','OBSERVER')";

    private final UtilisationService utilisation;

    UtilisationApiController(UtilisationService utilisation) {
        this.utilisation = utilisation;
    }

    @GetMapping("/api/v1/capacity/utilisation")
    @PreAuthorize(READERS)
    @Operation(summary = "Utilisation of a product in a region subtree for 2025, 2025-Q3 or 2025-07 (percent), with "
            + "output, capacity in force, reporting enterprises and the share of capacity that did not report 产能利用率")
    Utilisation utilisation(@RequestParam(required = false) String product, @RequestParam(required = false) String region,
            @RequestParam(required = false) String period) {
        return utilisation.of(product, region, period);
    }
}
