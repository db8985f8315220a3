package org.capgov.supervision.leads;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.capgov.shared.Industry;
import org.capgov.shared.ListFilters;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The departments' pages of leads: the list, one lead with its photos and steps, verify, close and register. */
@Controller
class LeadOfficeController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','OBSERVER')";
    static final String HANDLERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER')";
    private static final List<String> FILTERS = List.of("state", "matter");
    private static final List<Integer> SIZES = List.of(25, 50, 100);

    private final PublicLeadService leads;
    private final ProblemService problems;
    private final MessageSource messages;

    LeadOfficeController(PublicLeadService leads, ProblemService problems, MessageSource messages) {
        this.leads = leads;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/supervision/leads")
    @PreAuthorize(READERS)
    String list(@RequestParam Map<String, String> query, Model model) {
        Map<String, String> f = ListFilters.values(query, FILTERS);
        int page = ListFilters.page(query);
        int size = ListFilters.size(query, SIZES, 25);
        model.addAttribute("f", f);
        model.addAttribute("states", LeadPolicies.STATES);
        model.addAttribute("matters", LeadPolicies.MATTERS);
        model.addAttribute("size", size);
        model.addAttribute("sizes", SIZES);
        LeadRepository.Page result;
        try {
            result = leads.search(f.get("state"), f.get("matter"), page, size);
        } catch (DomainException e) {
            model.addAttribute("failure", message(e));
            result = new LeadRepository.Page(List.of(), 0);
            page = 0;
        }
        model.addAttribute("result", result);
        model.addAttribute("page", page);
        if (page > 0) {
            model.addAttribute("previousLink", link(f, size, page - 1));
        }
        boolean hasNext = (long) (page + 1) * size < result.total();
        model.addAttribute("hasNext", hasNext);
        if (hasNext) {
            model.addAttribute("nextLink", link(f, size, page + 1));
        }
        return "supervision/leads";
    }

    private static String link(Map<String, String> f, int size, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/supervision/leads");
        f.forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.queryParam(k, v);
            }
        });
        return b.queryParam("size", size).queryParam("page", page).encode().build().toUriString();
    }

    @GetMapping("/supervision/leads/{trackingNo}")
    @PreAuthorize(READERS)
    String show(@PathVariable String trackingNo, Model model) {
        Lead l = leads.get(trackingNo);
        model.addAttribute("l", l);
        model.addAttribute("handles", leads.handles(l));
        model.addAttribute("photos", leads.photos(l));
        model.addAttribute("events", leads.events(l));
        model.addAttribute("allowed", LeadPolicies.allowed(l.state()));
        model.addAttribute("lists", problems.lists().stream().filter(Problem.ProblemList::active).toList());
        model.addAttribute("defaultList", LeadPolicies.list(l.matter()));
        model.addAttribute("defaultDimension", LeadPolicies.dimension(l.matter()).orElse(""));
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("defaultDeadline", problems.today().plusMonths(6));
        return "supervision/lead";
    }

    @GetMapping("/supervision/leads/{trackingNo}/photos/{photo}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> photo(@PathVariable String trackingNo, @PathVariable long photo) {
        Lead l = leads.get(trackingNo);
        var p = leads.photos(l).stream().filter(x -> x.id() == photo).findFirst()
                .orElseThrow(() -> DomainException.notFound("error.lead.notFound", trackingNo));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff").body(leads.photo(l, photo));
    }

    @PostMapping("/supervision/leads/{trackingNo}/verify")
    @PreAuthorize(HANDLERS)
    String verify(@PathVariable String trackingNo, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return run(trackingNo, redirect, "supervision.lead.verified", () -> leads.verify(trackingNo, version, note));
    }

    @PostMapping("/supervision/leads/{trackingNo}/close")
    @PreAuthorize(HANDLERS)
    String close(@PathVariable String trackingNo, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reply, RedirectAttributes redirect) {
        return run(trackingNo, redirect, "supervision.lead.closed", () -> leads.close(trackingNo, version, reply));
    }

    @PostMapping("/supervision/leads/{trackingNo}/register")
    @PreAuthorize(HANDLERS)
    String register(@PathVariable String trackingNo, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String uscc, @RequestParam(required = false) String name,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String dimension,
            @RequestParam(required = false) LocalDate deadline, @RequestParam(required = false) String list,
            @RequestParam(required = false) String document, @RequestParam(required = false) String reply,
            RedirectAttributes redirect) {
        return run(trackingNo, redirect, "supervision.lead.registered", () -> leads.register(trackingNo, version,
                new PublicLeadService.Registration(uscc, name, industry, dimension, deadline, list, document, reply)));
    }

    private String run(String trackingNo, RedirectAttributes redirect, String success, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("success", messages.getMessage(success, null, LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/supervision/leads/" + trackingNo;
    }

    private String message(DomainException e) {
        if (e.problems().size() > 1) {
            return String.join("；", e.problems().stream().map(DomainException.FieldProblem::reason).toList());
        }
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }
}
