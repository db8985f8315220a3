package org.capgov.supervision.leads;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.shared.DomainException;
import org.capgov.shared.ListFilters;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leads over the API: the same service, scope, steps and audit as the pages ({@code /supervision/leads}). The
 * reporter's contact is in the answer only for members of the handling department (reading S8).
 */
@RestController
class LeadApiController {

    private static final List<Integer> SIZES = List.of(25, 50, 100, 200);

    private final PublicLeadService leads;

    LeadApiController(PublicLeadService leads) {
        this.leads = leads;
    }

    /** A lead as the caller may read it: {@code contact} is null unless the caller's department handles it. */
    record LeadView(String trackingNo, String matter, String region, String regionName, String address,
            BigDecimal latitude, BigDecimal longitude, String text, String contact, String department,
            String departmentName, String state, String reply, Long problemId, String uscc, String caseId,
            Instant receivedAt, Instant updatedAt, Instant closedAt, int version) {

        static LeadView of(Lead l, boolean handles) {
            return new LeadView(l.trackingNo(), l.matter(), l.regionCode(), l.regionName(), l.address(), l.latitude(),
                    l.longitude(), l.text(), handles ? l.contact() : null, l.departmentCode(), l.departmentName(),
                    l.state(), l.reply(), l.problemId(), l.uscc(), l.caseId(), l.receivedAt(), l.updatedAt(),
                    l.closedAt(), l.version());
        }
    }

    record StepInput(Integer version, String note, String reply) {
    }

    record RegisterInput(Integer version, String uscc, String name, String industry, String dimension,
            String deadline, String list, String document, String reply) {
    }

    @Operation(summary = "举报线索列表（可按状态、事项筛选，分页）· Leads in the caller's scope, newest first, by state and matter, paged")
    @GetMapping("/api/v1/supervision/leads")
    @PreAuthorize(LeadOfficeController.READERS)
    Map<String, Object> list(@RequestParam Map<String, String> query) {
        int page = ListFilters.page(query);
        int size = ListFilters.size(query, SIZES, 50);
        LeadRepository.Page result = leads.search(query.get("state"), query.get("matter"), page, size);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", result.items().stream().map(l -> LeadView.of(l, leads.handles(l))).toList());
        out.put("total", result.total());
        out.put("page", page);
        out.put("size", size);
        return out;
    }

    @Operation(summary = "一条线索及其照片、办理记录和可执行的操作 · One lead with its photos, handling steps and the steps open now")
    @GetMapping("/api/v1/supervision/leads/{trackingNo}")
    @PreAuthorize(LeadOfficeController.READERS)
    Map<String, Object> get(@PathVariable String trackingNo) {
        return detail(leads.get(trackingNo));
    }

    @Operation(summary = "开始核实线索 · The handling department starts verifying the lead")
    @PostMapping("/api/v1/supervision/leads/{trackingNo}/verify")
    @PreAuthorize(LeadOfficeController.HANDLERS)
    Map<String, Object> verify(@PathVariable String trackingNo, @RequestBody(required = false) StepInput in) {
        StepInput s = in == null ? new StepInput(null, null, null) : in;
        return detail(leads.verify(trackingNo, s.version(), s.note()));
    }

    @Operation(summary = "说明理由办结线索（举报人可见）· Close the lead with the reason the reporter reads")
    @PostMapping("/api/v1/supervision/leads/{trackingNo}/close")
    @PreAuthorize(LeadOfficeController.HANDLERS)
    Map<String, Object> close(@PathVariable String trackingNo, @RequestBody(required = false) StepInput in) {
        StepInput s = in == null ? new StepInput(null, null, null) : in;
        return detail(leads.close(trackingNo, s.version(), s.reply()));
    }

    @Operation(summary = "登记经营主体、立案并列入问题清单（同一事务）· Register the operator, open a case and list the problem, all or nothing")
    @PostMapping("/api/v1/supervision/leads/{trackingNo}/register")
    @PreAuthorize(LeadOfficeController.HANDLERS)
    Map<String, Object> register(@PathVariable String trackingNo, @RequestBody(required = false) RegisterInput in) {
        RegisterInput r = in == null ? new RegisterInput(null, null, null, null, null, null, null, null, null) : in;
        return detail(leads.register(trackingNo, r.version(), new PublicLeadService.Registration(r.uscc(), r.name(),
                r.industry(), r.dimension(), date("deadline", r.deadline()), r.list(), r.document(), r.reply())));
    }

    private Map<String, Object> detail(Lead l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lead", LeadView.of(l, leads.handles(l)));
        out.put("photos", leads.photos(l));
        out.put("events", leads.events(l));
        out.put("allowed", LeadPolicies.allowed(l.state()));
        return out;
    }

    /** A date of the body; blank is none, anything else not a date names the field. */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "error.lead.date", value);
        }
    }
}
