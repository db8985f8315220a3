package org.capgov.registry.datedfact;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The equipment page's form for dated facts; a refusal comes back to the page with its reasons. */
@Controller
class EquipmentFactPageController {

    private final EquipmentFactService facts;
    private final MessageSource messages;

    EquipmentFactPageController(EquipmentFactService facts, MessageSource messages) {
        this.facts = facts;
        this.messages = messages;
    }

    @PostMapping("/registry/enterprises/{uscc}/equipment/{code}/facts")
    @PreAuthorize(EquipmentFactApiController.WRITERS)
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
