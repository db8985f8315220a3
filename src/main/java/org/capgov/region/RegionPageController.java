package org.capgov.region;

import org.capgov.shared.Actors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Region list and region page; coordinators set air zones there. */
@Controller
class RegionPageController {

    private final RegionService regions;

    RegionPageController(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping("/regions")
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(defaultValue = "false") boolean includeClosed, Model model) {
        model.addAttribute("regions", regions.all(includeClosed));
        model.addAttribute("includeClosed", includeClosed);
        return "region/list";
    }

    @GetMapping("/regions/{code}")
    @PreAuthorize("isAuthenticated()")
    String show(@PathVariable String code, Model model) {
        Region region = regions.get(code);
        model.addAttribute("region", region);
        model.addAttribute("children", regions.subtree(code).stream().filter(r -> code.equals(r.parentCode())).toList());
        model.addAttribute("parent", region.parentCode() == null ? null : regions.get(region.parentCode()));
        model.addAttribute("airZones", AirZone.values());
        model.addAttribute("canEdit", Actors.scope().coversRegion(region.path()));
        return "region/show";
    }

    @PostMapping("/regions/{code}/attributes")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String setAttributes(@PathVariable String code, @RequestParam AirZone airZone,
            @RequestParam(defaultValue = "false") boolean keyAirRegion, @RequestParam String basis,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate since,
            RedirectAttributes redirect) {
        regions.setAttributes(code, airZone, keyAirRegion, basis, since);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/regions/" + code;
    }
}
