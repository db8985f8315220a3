package org.capgov.registry.datedfact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Dated facts of an equipment item over JSON and from the equipment page's form. Readers and writers are those of
 * the registry; the data scope is applied by the equipment lookup.
 */
@Controller
@Tag(name = "registry", description = "Enterprises and equipment 企业与装备名录")
class EquipmentFactController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE',"
            + "'GRID_COMPANY','OBSERVER')";
    static final String WRITERS = "hasAnyRole('ADMIN','COORDINATOR','DISTRICT_OFFICER')";

    private final EquipmentFactService facts;
    private final MessageSource messages;

    EquipmentFactController(EquipmentFactService facts, MessageSource messages) {
        this.facts = facts;
        this.messages = messages;
    }

    @GetMapping("/api/v1/enterprises/{uscc}/equipment/{code}/facts")
    @ResponseBody
    @PreAuthorize(READERS)
    @Operation(summary = "Dated facts of an equipment item (e.g. meets the flat-glass access conditions) 设备登记事实")
    List<EquipmentFact> list(@PathVariable String uscc, @PathVariable String code) {
        return facts.of(uscc, code);
    }

    @PostMapping("/api/v1/enterprises/{uscc}/equipment/{code}/facts")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WRITERS)
    @Operation(summary = "Record a dated fact {code, value, validFrom, source} 登记设备事实（带起始日期和依据）")
    EquipmentFact record(@PathVariable String uscc, @PathVariable String code,
            @RequestBody(required = false) EquipmentFactService.NewFact body) {
        return facts.record(uscc, code, body);
    }

    @PostMapping("/registry/enterprises/{uscc}/equipment/{code}/facts")
    @PreAuthorize(WRITERS)
    String recordFromPage(@PathVariable String uscc, @PathVariable String code,
            @RequestParam(required = false) String fact, @RequestParam(required = false) String value,
            @RequestParam(required = false) String validFrom, @RequestParam(required = false) String source,
            RedirectAttributes redirect) {
        String back = "redirect:/registry/enterprises/" + path(uscc) + "/equipment/" + path(code) + "#equipment-facts";
        try {
            facts.record(uscc, code, new EquipmentFactService.NewFact(fact, value, validFrom, source));
            redirect.addFlashAttribute("saved", true);
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("factFailure", e.problems().isEmpty()
                    ? messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale())
                    : String.join("；", e.problems().stream().map(p -> p.reason()).toList()));
        }
        return back;
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
