package org.capgov.disclosure;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.capgov.enforcement.lists.PublicList;
import org.capgov.enforcement.lists.PublicListQuery;
import org.capgov.enforcement.lists.PublicLists;
import org.capgov.region.Region;
import org.capgov.region.RegionService;
import org.capgov.shared.DomainException;
import org.capgov.shared.Product;
import org.capgov.shared.Vocabulary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.capgov.shared.spreadsheet.Downloads;
import org.capgov.shared.spreadsheet.TableFormat;

/**
 * The public pages: an index and the lists with filters (region subtree, as-of date, year), paging and downloads
 * of the same filtered list. Anonymous, in the public layout (no internal navigation).
 */
@Controller
class PublicListPageController {

    private static final List<String> FILTERS = List.of("region", "asOf", "year", "size");
    private static final Map<String, String> UNITS = java.util.Arrays.stream(Product.values())
            .collect(java.util.stream.Collectors.toMap(Product::name, Product::unit));

    private final PublicLists lists;
    private final PublicListDownloads downloads;
    private final RegionService regions;
    private final MessageSource messages;
    private final Vocabulary labels;
    private final PublicListFigures figures;

    PublicListPageController(PublicLists lists, PublicListDownloads downloads, RegionService regions,
            MessageSource messages, Vocabulary labels, PublicListFigures figures) {
        this.figures = figures;
        this.lists = lists;
        this.downloads = downloads;
        this.regions = regions;
        this.messages = messages;
        this.labels = labels;
    }

    @GetMapping("/public")
    @PermitAll
    String index(Model model) {
        model.addAttribute("lists", PublicList.values());
        return "disclosure/index";
    }

    @GetMapping("/public/lists/{list}")
    @PermitAll
    String list(@PathVariable String list, @RequestParam Map<String, String> params, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        PublicList which = PublicList.of(list);
        Map<String, String> f = new LinkedHashMap<>();
        FILTERS.forEach(k -> f.put(k, params.getOrDefault(k, "").trim()));
        model.addAttribute("list", which);
        model.addAttribute("f", f);
        model.addAttribute("regions", regionChoices());
        // hrefs made here, not by link expressions: each of those searches the classpath for a static file of that name
        String context = request.getContextPath();
        model.addAttribute("listLink", context + "/public/lists/" + which.slug());
        model.addAttribute("enterpriseBase", context + "/public/enterprises/");
        try {
            PublicListQuery q = lists.query(f.get("year"), f.get("region"), f.get("asOf"), params.get("page"),
                    f.get("size"));
            var result = lists.page(which, q);
            model.addAttribute("result", result);
            model.addAttribute("rows", PublicListRows.of(result, labels));
            model.addAttribute("capacitySums", PublicListRows.capacitySums(result, UNITS, labels));
            model.addAttribute("figures", figures.of(which, q));
            model.addAttribute("publisher", publisher(which, f.get("region")));
            model.addAttribute("previousLink", link("/public/lists/" + which.slug(), f, q.page() - 1));
            model.addAttribute("nextLink", link("/public/lists/" + which.slug(), f, q.page() + 1));
            model.addAttribute("csvLink", context + link("/public/lists/" + which.slug() + ".csv", f, -1));
            model.addAttribute("xlsxLink", context + link("/public/lists/" + which.slug() + ".xlsx", f, -1));
        } catch (DomainException e) {
            if (e.status() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
        }
        return "disclosure/list";
    }

    @GetMapping("/public/lists/{list}.csv")
    @PermitAll
    void csv(@PathVariable String list, @RequestParam(required = false) String year,
            @RequestParam(required = false) String region, @RequestParam(required = false) String asOf,
            HttpServletResponse response) throws IOException {
        download(list, year, region, asOf, TableFormat.CSV, response);
    }

    @GetMapping("/public/lists/{list}.xlsx")
    @PermitAll
    void xlsx(@PathVariable String list, @RequestParam(required = false) String year,
            @RequestParam(required = false) String region, @RequestParam(required = false) String asOf,
            HttpServletResponse response) throws IOException {
        download(list, year, region, asOf, TableFormat.XLSX, response);
    }

    /** Parameters are checked before the first byte, so that a bad one still gets its error page. */
    private void download(String list, String year, String region, String asOf, TableFormat format,
            HttpServletResponse response) throws IOException {
        PublicList which = PublicList.of(list);
        PublicListQuery q = lists.query(year, region, asOf, null, null);
        Downloads.attachment(response, format.mediaType(), downloads.fileName(which, q, format));
        downloads.write(which, q, format, response.getOutputStream());
    }

    /**
     * Who publishes the list (seed 001 四、(三); docs/decisions/disclosure-readings.md P1): the district's departments
     * when one district is chosen, else those of each district.
     */
    private String publisher(PublicList list, String region) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        String who = messages.getMessage("disclosure.publisher.all", null, locale);
        if (region != null && !region.isBlank()) {
            Region r = regions.get(region);
            if (r.level() >= 2) {
                who = "zh".equals(locale.getLanguage()) ? r.name() : r.nameEn();
            }
        }
        return messages.getMessage("disclosure.publisher." + list.slug(), new Object[] {who}, locale);
    }

    /** The city or province and its districts and counties, in code order, for the region filter. */
    private List<Region> regionChoices() {
        return regions.all(false).stream().filter(r -> r.level() <= 2)
                .sorted(Comparator.comparing(Region::path)).toList();
    }

    private static String link(String path, Map<String, String> f, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        f.forEach((k, v) -> {
            if (!v.isEmpty() && !(page < 0 && k.equals("size"))) {
                b.queryParam(k, v);
            }
        });
        if (page > 0) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }
}
