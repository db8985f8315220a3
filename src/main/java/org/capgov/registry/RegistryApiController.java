package org.capgov.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.capgov.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Enterprises, their equipment and status histories over JSON; the public contract of the registry. */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "registry", description = "Enterprises and equipment 企业与装备名录")
class RegistryApiController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE',"
            + "'GRID_COMPANY','OBSERVER')";
    static final String WRITERS = "hasAnyRole('ADMIN','COORDINATOR','DISTRICT_OFFICER')";

    record EnterprisePage(long total, boolean totalCapped, int page, int size, List<Enterprise> items) {
    }

    private final EnterpriseService enterprises;
    private final EquipmentService equipment;

    RegistryApiController(EnterpriseService enterprises, EquipmentService equipment) {
        this.enterprises = enterprises;
        this.equipment = equipment;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "Search enterprises in the caller's scope 企业查询")
    EnterprisePage search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String status,
            @RequestParam(required = false) String product, @RequestParam(required = false) BigDecimal capacityMin,
            @RequestParam(required = false) BigDecimal capacityMax, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean desc, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw DomainException.invalid("page", "error.request.page");
        }
        if (size < 1 || size > 500) {
            throw DomainException.invalid("size", "error.request.size", 500);
        }
        var result = enterprises.search(new EnterpriseFilter(q, region, industry, status, product, capacityMin, capacityMax,
                sort, desc), page, size);
        return new EnterprisePage(result.total(), result.totalCapped(), page, size, result.rows());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITERS)
    @Operation(summary = "Register an enterprise 登记企业")
    Enterprise create(@RequestBody EnterpriseDraft draft) {
        return enterprises.create(draft);
    }

    @PutMapping
    @PreAuthorize(WRITERS)
    @Operation(summary = "Update the enterprise named by the body's uscc 修改企业")
    Enterprise updateByBody(@RequestBody EnterpriseDraft draft) {
        if (draft.uscc() == null || draft.uscc().isBlank()) {
            throw DomainException.invalid("uscc", "error.request.missingParameter", "uscc");
        }
        return enterprises.update(draft.uscc(), draft);
    }

    @GetMapping("/{uscc}")
    @PreAuthorize(READERS)
    @Operation(summary = "One enterprise by USCC 查询企业")
    Enterprise get(@PathVariable String uscc) {
        return enterprises.get(uscc);
    }

    @PutMapping("/{uscc}")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Update an enterprise 修改企业")
    Enterprise update(@PathVariable String uscc, @RequestBody EnterpriseDraft draft) {
        return enterprises.update(uscc, draft);
    }

    @GetMapping("/{uscc}/history")
    @PreAuthorize(READERS)
    @Operation(summary = "Status history 状态历史")
    List<StatusRecord> history(@PathVariable String uscc) {
        return enterprises.history(uscc);
    }

    @PostMapping("/{uscc}/status")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Record a status change with its effective date 变更企业状态")
    Enterprise changeStatus(@PathVariable String uscc, @RequestBody StatusChange change) {
        return enterprises.changeStatus(uscc, change);
    }

    @GetMapping("/{uscc}/equipment")
    @PreAuthorize(READERS)
    @Operation(summary = "The enterprise's equipment 企业的设备")
    List<Equipment> equipment(@PathVariable String uscc) {
        return equipment.of(uscc);
    }

    @PostMapping("/{uscc}/equipment")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITERS)
    @Operation(summary = "Register an equipment item 登记设备")
    Equipment addEquipment(@PathVariable String uscc, @RequestBody EquipmentDraft draft) {
        return equipment.create(uscc, draft);
    }

    @PutMapping("/{uscc}/equipment")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Update the equipment item named by the body's code 修改设备")
    Equipment updateEquipmentByBody(@PathVariable String uscc, @RequestBody EquipmentDraft draft) {
        if (draft.code() == null || draft.code().isBlank()) {
            throw DomainException.invalid("code", "error.request.missingParameter", "code");
        }
        return equipment.update(uscc, draft.code().trim(), draft);
    }

    @GetMapping("/{uscc}/equipment/{code}")
    @PreAuthorize(READERS)
    @Operation(summary = "One equipment item 查询设备")
    Equipment oneEquipment(@PathVariable String uscc, @PathVariable String code) {
        return equipment.get(uscc, code);
    }

    @PutMapping("/{uscc}/equipment/{code}")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Update an equipment item 修改设备")
    Equipment updateEquipment(@PathVariable String uscc, @PathVariable String code, @RequestBody EquipmentDraft draft) {
        return equipment.update(uscc, code, draft);
    }

    @GetMapping("/{uscc}/equipment/{code}/history")
    @PreAuthorize(READERS)
    @Operation(summary = "Status history of an equipment item 设备状态历史")
    List<StatusRecord> equipmentHistory(@PathVariable String uscc, @PathVariable String code) {
        return equipment.history(uscc, code);
    }

    @PostMapping("/{uscc}/equipment/{code}/status")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Record an equipment status change (断水, 断电, 封存 …) 变更设备状态")
    Equipment changeEquipmentStatus(@PathVariable String uscc, @PathVariable String code,
            @RequestBody StatusChange change) {
        return equipment.changeStatus(uscc, code, change);
    }
}
