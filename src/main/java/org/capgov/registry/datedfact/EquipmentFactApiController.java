package org.capgov.registry.datedfact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Dated facts of an equipment item over JSON. Readers and writers are those of the registry; the data scope is
 * applied by the equipment lookup.
 */
@RestController
@Tag(name = "registry", description = "Enterprises and equipment 企业与装备名录")
class EquipmentFactApiController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE',"
            + "'GRID_COMPANY','OBSERVER')";
    static final String WRITERS = "hasAnyRole('ADMIN','COORDINATOR','DISTRICT_OFFICER')";

    private final EquipmentFactService facts;

    EquipmentFactApiController(EquipmentFactService facts) {
        this.facts = facts;
    }

    @GetMapping("/api/v1/enterprises/{uscc}/equipment/{code}/facts")
    @PreAuthorize(READERS)
    @Operation(summary = "Dated facts of an equipment item (e.g. meets the flat-glass access conditions) 设备登记事实")
    List<EquipmentFact> list(@PathVariable String uscc, @PathVariable String code) {
        return facts.of(uscc, code);
    }

    @PostMapping("/api/v1/enterprises/{uscc}/equipment/{code}/facts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITERS)
    @Operation(summary = "Record a dated fact {code, value, validFrom, source} 登记设备事实（带起始日期和依据）")
    EquipmentFact record(@PathVariable String uscc, @PathVariable String code,
            @RequestBody(required = false) EquipmentFactService.NewFact body) {
        return facts.record(uscc, code, body);
    }

}
