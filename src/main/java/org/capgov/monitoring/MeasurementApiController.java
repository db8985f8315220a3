package org.capgov.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Measurements over JSON: record one ({@code {"uscc":…,"metric":…}}) or many ({@code {"items":[…]}}), list an
 * enterprise's values, and re-mark a value's validity. Who may record what beyond the roles below (grid company:
 * electricity use only; enterprise: its own self reports and online monitoring) is {@link RecordingPolicy}.
 */
@RestController
@Tag(name = "monitoring", description = "Measurements 监测数据")
class MeasurementApiController {

    static final String WRITERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE',"
            + "'GRID_COMPANY')";
    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE',"
            + "'GRID_COMPANY','OBSERVER')";

    /** The body of POST /api/v1/measurements: either {@code items}, or the fields of one item at the top level. */
    record MeasurementRequest(List<MeasurementDraft> items, String uscc, String equipmentCode, String metric, Object value,
            String unit, String measuredAt, String periodStart, String periodEnd, String source, String validity,
            Map<String, String> attributes, String documentRef) {

        boolean hasItemFields() {
            return uscc != null || equipmentCode != null || metric != null || value != null || unit != null
                    || measuredAt != null || periodStart != null || periodEnd != null || source != null || validity != null
                    || attributes != null || documentRef != null;
        }

        MeasurementDraft draft() {
            return new MeasurementDraft(uscc, equipmentCode, metric, value, unit, measuredAt, periodStart, periodEnd, source,
                    validity, attributes, documentRef);
        }
    }

    /** The answer to a batch: the stored items in the order given. */
    record Recorded(int count, List<Measurement> items) {
    }

    record ValidityChange(String validity, String note) {
    }

    private final MeasurementService measurements;

    MeasurementApiController(MeasurementService measurements) {
        this.measurements = measurements;
    }

    @PostMapping("/api/v1/measurements")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Record one measurement, or {\"items\":[…]} all or nothing 录入测量值; 201 with what was stored")
    ResponseEntity<Object> record(@RequestBody MeasurementRequest body) {
        if (body.items() == null) {
            return ResponseEntity.status(HttpStatus.CREATED).body(measurements.record(body.draft()));
        }
        if (body.hasItemFields()) {
            throw DomainException.invalid(List.of(new FieldProblem("items", "",
                    "请求体要么是一条测量值，要么是 {\"items\":[…]}，不能两者并用")));
        }
        List<Measurement> stored = measurements.record(body.items());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Recorded(stored.size(), stored));
    }

    @GetMapping("/api/v1/measurements/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One measurement 测量值")
    Measurement get(@PathVariable long id) {
        return measurements.get(id);
    }

    @GetMapping("/api/v1/enterprises/{uscc}/measurements")
    @PreAuthorize(READERS)
    @Operation(summary = "An enterprise's measurements, newest first 企业测量值")
    MeasurementService.Page list(@PathVariable String uscc, @RequestParam(required = false) String metric,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String source, @RequestParam(required = false) String validity,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return measurements.list(uscc, metric, from, to, source, validity, page, size);
    }

    @PostMapping("/api/v1/measurements/{id}/validity")
    @PreAuthorize(WRITERS)
    @Operation(summary = "Mark a value VALID / SUSPECT / INVALID with a note (audited; never deleted) 标记有效性")
    Measurement changeValidity(@PathVariable long id, @RequestBody ValidityChange change) {
        return measurements.changeValidity(id, change.validity(), change.note());
    }
}
