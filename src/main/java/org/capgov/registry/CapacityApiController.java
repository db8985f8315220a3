package org.capgov.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.capgov.shared.Uscc;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Capacity sums, the USCC check and the equipment-type reference. */
@RestController
@Tag(name = "registry", description = "Enterprises and equipment 企业与装备名录")
class CapacityApiController {

    record EquipmentTypeView(String code, String nameZh, String industry, List<String> products,
            List<ParameterSpec> parameters) {
    }

    private final EquipmentService equipment;

    CapacityApiController(EquipmentService equipment) {
        this.equipment = equipment;
    }

    @GetMapping("/api/v1/capacity")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','GRID_COMPANY','OBSERVER')")
    @Operation(summary = "Capacity of a product in a region subtree on a date, by status (default OPERATING) 产能查询")
    EquipmentService.Capacity capacity(@RequestParam(required = false) String product,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String status) {
        return equipment.capacity(product, region, date, status);
    }

    @GetMapping("/api/v1/registry/uscc/{code}/check")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Check a 统一社会信用代码 (GB 32100 / GB 11714) 校验统一社会信用代码")
    Uscc.Check check(@PathVariable String code) {
        return Uscc.check(code);
    }

    @GetMapping("/api/v1/registry/equipment-types")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Equipment types, their parameters, units and ranges 设备类型")
    List<EquipmentTypeView> types() {
        return Arrays.stream(EquipmentType.values()).map(t -> new EquipmentTypeView(t.name(), t.nameZh(),
                t.industry().name(), t.products().stream().map(Enum::name).sorted().toList(), t.parameters())).toList();
    }
}
