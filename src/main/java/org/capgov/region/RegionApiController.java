package org.capgov.region;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Regions over JSON. */
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions", description = "Administrative divisions 行政区划")
class RegionApiController {

    /** {@code since}: the day the zone holds from (default today). */
    record AttributesRequest(AirZone airZone, Boolean keyAirRegion, String basis, java.time.LocalDate since) {
    }

    private final RegionService regions;

    RegionApiController(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "All regions, or the subtree under ?under= 区划列表")
    List<Region> list(@RequestParam(required = false) String under,
            @RequestParam(defaultValue = "false") boolean includeClosed) {
        return under == null ? regions.all(includeClosed) : regions.subtree(under);
    }

    @GetMapping("/{code}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One region by code or name 查询行政区划（代码或名称）")
    Region get(@PathVariable String code) {
        return regions.get(code);
    }

    @PutMapping("/{code}/attributes")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Operation(summary = "Set the air zone (with its basis) and key-region flag 设置大气分区")
    Region setAttributes(@PathVariable String code, @RequestBody AttributesRequest request) {
        return regions.setAttributes(code, request.airZone(), request.keyAirRegion(), request.basis(), request.since());
    }
}
