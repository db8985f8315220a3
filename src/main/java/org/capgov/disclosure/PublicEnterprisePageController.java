package org.capgov.disclosure;

import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import org.capgov.region.RegionService;
import org.capgov.shared.Dimension;
import org.capgov.shared.DomainException;
import org.capgov.shared.Industry;
import org.capgov.shared.ListFilters;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public enterprise search and enterprise page (no login): registry status, equipment, compliance history. */
@Controller
class PublicEnterprisePageController {

    private final PublicEnterpriseDirectory directory;
    private final PublicEnterpriseProfiles profiles;
    private final RegionService regions;
    private final MessageSource messages;
    private final java.time.Clock clock;

    PublicEnterprisePageController(PublicEnterpriseDirectory directory, PublicEnterpriseProfiles profiles,
            RegionService regions, MessageSource messages, java.time.Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.profiles = profiles;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/public/enterprises")
    @PermitAll
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("region", region);
        model.addAttribute("industry", industry);
        model.addAttribute("regions", regions.all(false));
        model.addAttribute("industries", Arrays.asList(Industry.values()));
        try {
            model.addAttribute("result", directory.search(new PublicEnterpriseDirectory.Search(q, region, industry,
                    ListFilters.page(page))));
        } catch (DomainException e) {
            model.addAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
        }
        return "public/enterprises";
    }

    @GetMapping("/public/enterprises/{uscc}")
    @PermitAll
    String enterprise(@PathVariable String uscc, Model model) {
        PublicEnterpriseProfile profile = profiles.of(uscc);
        model.addAttribute("p", profile);
        model.addAttribute("e", profile.enterprise());
        model.addAttribute("dimensions", Arrays.asList(Dimension.values()));
        // the printed report says when it was taken: the page shows the state of that day
        model.addAttribute("printedOn", java.time.LocalDate.now(clock));
        return "public/enterprise";
    }
}
