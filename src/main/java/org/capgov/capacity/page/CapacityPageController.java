package org.capgov.capacity.page;

import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.capgov.capacity.DistrictMap;
import org.capgov.capacity.output.OutputService;
import org.capgov.capacity.utilisation.Period;
import org.capgov.capacity.utilisation.UtilisationService;
import org.capgov.capacity.warning.CapacityWarning;
import org.capgov.capacity.warning.WarningCatalogue;
import org.capgov.capacity.warning.WarningService;
import org.capgov.identity.CapgovUser;
import org.capgov.identity.Role;
import org.capgov.region.RegionService;
import org.capgov.shared.Actors;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.shared.Product;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: utilisation of a product in a region and the regions below it, warnings with their history and evaluation
 * on demand, the monthly output form (an enterprise's own, or an officer's), and the public page of industry warnings.
 */
@Controller
class CapacityPageController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'FINANCIAL_INSTITUTION','OBSERVER')";
    static final String OUTPUT_READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'ENTERPRISE','OBSERVER')";
    static final String OUTPUT_WRITERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER',"
            + "'ENTERPRISE')";
    /** Below this many reporting enterprises a region's figure would show one enterprise's: the public page omits it. */
    static final int PUBLIC_MIN_REPORTING = 3;

    private final UtilisationService utilisation;
    private final WarningService warnings;
    private final WarningCatalogue catalogue;
    private final OutputService output;
    private final RegionService regions;
    private final MessageSource messages;
    private final Clock clock;
    private final DistrictMap districts;

    CapacityPageController(UtilisationService utilisation, WarningService warnings, WarningCatalogue catalogue,
            OutputService output, RegionService regions, MessageSource messages, Clock clock, DistrictMap districts) {
        this.districts = districts;
        this.utilisation = utilisation;
        this.warnings = warnings;
        this.catalogue = catalogue;
        this.output = output;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/capacity")
    @PreAuthorize(READERS)
    String utilisation(@RequestParam(required = false) String product, @RequestParam(required = false) String region,
            @RequestParam(required = false) String period, @RequestParam(required = false) String map, Model model) {
        String p = blank(product) ? catalogue.monitored().products().get(0).name() : product.trim();
        String r = blank(region) ? homeRegion() : region.trim();
        String pd = blank(period) ? lastMonth() : period.trim();
        model.addAttribute("product", p);
        model.addAttribute("region", r);
        model.addAttribute("period", pd);
        model.addAttribute("products", catalogue.monitored().products());
        model.addAttribute("monitored", catalogue.monitored());
        model.addAttribute("additions", catalogue.additions());
        model.addAttribute("levels", catalogue.levels(ChinaTime.today(clock)));
        model.addAttribute("regions", regions.all(false).stream().filter(x -> x.level() <= 2
                && Actors.scope().coversRegion(x.path())).toList());
        try {
            var rows = utilisation.withChildren(p, r, pd);
            model.addAttribute("total", rows.get(0));
            model.addAttribute("children", rows.subList(1, rows.size()).stream()
                    .filter(u -> u.capacity().signum() > 0).toList());
            model.addAttribute("open", warnings.search(r, p, "OPEN"));
            String layer = "WARNINGS".equals(map) ? "WARNINGS" : "UTILISATION";
            model.addAttribute("mapLayer", layer);
            // the map of the province-level region the chosen region lies in, where there is one
            String root = districts.rootOf(r);
            model.addAttribute("mapSvg", root == null ? null : "WARNINGS".equals(layer) ? districts.openWarnings(root)
                    : districts.utilisation(root, UtilisationService.product(p), Period.parse(pd),
                            catalogue.level("RELATIVE_EXCESS").value(), catalogue.level("SEVERE_EXCESS").value()));
        } catch (DomainException e) {
            model.addAttribute("failure", message(e));
        }
        return "capacity/utilisation";
    }

    @GetMapping("/capacity/warnings")
    @PreAuthorize(READERS)
    String warnings(@RequestParam(required = false) String region, @RequestParam(required = false) String product,
            @RequestParam(required = false) String status, Model model) {
        String s = status == null ? "OPEN" : status.trim();
        model.addAttribute("region", region == null ? "" : region.trim());
        model.addAttribute("product", product == null ? "" : product.trim());
        model.addAttribute("status", s);
        model.addAttribute("products", catalogue.monitored().products());
        model.addAttribute("lastMonth", lastMonth());
        try {
            model.addAttribute("items", warnings.search(region, product, s));
        } catch (DomainException e) {
            model.addAttribute("items", List.of());
            model.addAttribute("failure", message(e));
        }
        return "capacity/warnings";
    }

    @GetMapping("/capacity/warnings/{id}")
    @PreAuthorize(READERS)
    String warning(@PathVariable long id, Model model) {
        model.addAttribute("w", warnings.get(id));
        return "capacity/warning";
    }

    @PostMapping("/capacity/warnings/evaluate")
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    String evaluate(@RequestParam(required = false) String period, RedirectAttributes redirect) {
        try {
            WarningService.Evaluation e = warnings.evaluate(period);
            redirect.addFlashAttribute("success", messages.getMessage("capacity.evaluate.done",
                    new Object[] {e.period(), e.evaluated(), e.opened(), e.continued(), e.closed()},
                    LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/capacity/warnings";
    }

    @GetMapping("/capacity/output")
    @PreAuthorize(OUTPUT_READERS)
    String outputForm(@RequestParam(required = false) String uscc, Model model) {
        String own = ownUscc();
        model.addAttribute("own", own);
        model.addAttribute("uscc", own != null ? own : uscc == null ? "" : uscc.trim());
        model.addAttribute("products", Arrays.asList(Product.values()));
        model.addAttribute("month", lastMonth());
        model.addAttribute("officer", officer());
        model.addAttribute("sources", officer() ? List.of("SELF_REPORT", "STATISTICS", "INSPECTION") : List.of("SELF_REPORT"));
        model.addAttribute("reports", output.search(own != null ? own : blank(uscc) ? null : uscc, null, null, null,
                null, false).stream().limit(100).toList());
        return "capacity/output";
    }

    @PostMapping("/capacity/output")
    @PreAuthorize(OUTPUT_WRITERS)
    String submit(@RequestParam(required = false) String uscc, @RequestParam(required = false) String product,
            @RequestParam(required = false) String month, @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String source,
            @RequestParam(required = false) String confirmAboveCapacity, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            BigDecimal q;
            try {
                q = blank(quantity) ? null : new BigDecimal(quantity.trim());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("quantity", "error.capacity.quantityNumber", quantity);
            }
            var stored = output.submit(new OutputService.Submission(uscc, product, month, q, unit, source,
                    "true".equals(confirmAboveCapacity) || "on".equals(confirmAboveCapacity), note));
            redirect.addFlashAttribute("success", messages.getMessage("capacity.output.done",
                    new Object[] {stored.uscc(), stored.month(), stored.revision()}, LocaleContextHolder.getLocale()));
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/capacity/output" + (blank(uscc) || ownUscc() != null ? "" : "?uscc=" + uscc.trim());
    }

    @GetMapping("/public/capacity-warnings")
    @PermitAll
    String publicWarnings(Model model) {
        List<CapacityWarning> open = warnings.publicOpen();
        model.addAttribute("items", open);
        model.addAttribute("minReporting", PUBLIC_MIN_REPORTING);
        model.addAttribute("monitored", catalogue.monitored());
        model.addAttribute("levels", catalogue.levels(ChinaTime.today(clock)));
        return "public/capacity-warnings";
    }

    private String lastMonth() {
        return YearMonth.from(ChinaTime.today(clock)).minusMonths(1).toString();
    }

    private static String homeRegion() {
        return Actors.principal().filter(CapgovUser.class::isInstance).map(CapgovUser.class::cast)
                .map(CapgovUser::homeRegionPath).filter(p -> p != null && p.length() > 2)
                .map(p -> p.substring(p.lastIndexOf('/', p.length() - 2) + 1, p.length() - 1)).orElse("500000");
    }

    private static String ownUscc() {
        return Actors.scope().grants().stream().map(g -> g.enterpriseUscc()).filter(u -> u != null).findFirst()
                .orElse(null);
    }

    private static boolean officer() {
        return Actors.principal().filter(CapgovUser.class::isInstance).map(CapgovUser.class::cast)
                .map(u -> u.hasRole(Role.COORDINATOR) || u.hasRole(Role.DEPARTMENT_OFFICER)
                        || u.hasRole(Role.DISTRICT_OFFICER) || u.hasRole(Role.ADMIN)).orElse(false);
    }

    private String message(DomainException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
