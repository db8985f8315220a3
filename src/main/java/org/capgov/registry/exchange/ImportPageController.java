package org.capgov.registry.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.capgov.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.capgov.shared.spreadsheet.TableFormat;

/**
 * The import pages: upload form with templates and recent jobs; a job page whose progress is refreshed by htmx every
 * second until the job ends, with the error table and the error report download.
 */
@Controller
class ImportPageController {

    private static final int ERRORS_ON_PAGE = 200;

    private final ImportService imports;
    private final ImportTemplates templates;
    private final ImportSettings settings;
    private final MessageSource messages;
    private final ImportIndexBuilder indexes;

    ImportPageController(ImportService imports, ImportTemplates templates, ImportSettings settings,
            MessageSource messages, ImportIndexBuilder indexes) {
        this.imports = imports;
        this.templates = templates;
        this.settings = settings;
        this.messages = messages;
        this.indexes = indexes;
    }

    @GetMapping("/registry/imports")
    @PreAuthorize(ImportApiController.IMPORTERS)
    String list(Model model) {
        model.addAttribute("jobs", imports.recent(30));
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("modes", ImportMode.values());
        model.addAttribute("maxEnterpriseRows", settings.maxRows(ImportKind.ENTERPRISES));
        model.addAttribute("maxEquipmentRows", settings.maxRows(ImportKind.EQUIPMENT));
        return "registry/imports";
    }

    @PostMapping("/registry/imports")
    @PreAuthorize(ImportApiController.IMPORTERS)
    String upload(@RequestParam(required = false) String kind, @RequestParam(required = false) String mode,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        try {
            ImportKind k = ImportApiController.kind(kind);
            ImportMode m = ImportApiController.mode(mode);
            if (file == null || file.isEmpty()) {
                throw DomainException.invalid("file", "error.import.noFile");
            }
            ImportJob job = imports.submit(k, m, file.getOriginalFilename(), file.getSize(),
                    target -> file.transferTo(target.toFile()));
            return "redirect:/registry/imports/" + job.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    LocaleContextHolder.getLocale()));
            return "redirect:/registry/imports";
        }
    }

    @GetMapping("/registry/imports/{id}")
    @PreAuthorize(ImportApiController.IMPORTERS)
    String job(@PathVariable long id, Model model) {
        state(id, model);
        return "registry/import";
    }

    /**
     * The progress block alone; while the job runs it carries the htmx trigger that fetches it again, and once the
     * job has ended it holds the outcome and the error table instead.
     */
    @GetMapping("/registry/imports/{id}/progress")
    @PreAuthorize(ImportApiController.IMPORTERS)
    String progress(@PathVariable long id, Model model) {
        state(id, model);
        return "registry/import :: progress";
    }

    private void state(long id, Model model) {
        ImportJob job = imports.get(id);
        model.addAttribute("job", job);
        // a large import's GIN indexes are built after its commit: the page says so, and keeps asking until they are
        boolean indexing = job.status() == ImportJob.Status.SUCCEEDED && indexes.pending();
        model.addAttribute("indexing", indexing);
        model.addAttribute("settled", job.finished() && !indexing);
        model.addAttribute("errors", job.finished() ? imports.errors(id, ERRORS_ON_PAGE) : java.util.List.of());
        model.addAttribute("shown", ERRORS_ON_PAGE);
        model.addAttribute("stored", imports.maxStoredErrors());
    }

    @GetMapping("/registry/imports/{id}/errors.xlsx")
    @PreAuthorize(ImportApiController.IMPORTERS)
    void errorReport(@PathVariable long id, HttpServletResponse response) throws IOException {
        imports.get(id);
        ImportApiController.download(response, TableFormat.XLSX, "import-" + id + "-errors.xlsx");
        imports.writeErrorReport(id, response.getOutputStream());
    }

    @GetMapping("/registry/imports/templates/{kind}.xlsx")
    @PreAuthorize(ImportApiController.IMPORTERS)
    void templateXlsx(@PathVariable String kind, HttpServletResponse response) throws IOException {
        ImportKind k = ImportApiController.kind(kind);
        ImportApiController.download(response, TableFormat.XLSX, k.fileName() + "-template.xlsx");
        templates.xlsx(k, response.getOutputStream());
    }

    @GetMapping("/registry/imports/templates/{kind}.csv")
    @PreAuthorize(ImportApiController.IMPORTERS)
    void templateCsv(@PathVariable String kind, HttpServletResponse response) throws IOException {
        ImportKind k = ImportApiController.kind(kind);
        ImportApiController.download(response, TableFormat.CSV, k.fileName() + "-template.csv");
        templates.csv(k, response.getOutputStream());
    }

    @GetMapping("/registry/imports/templates/codes.csv")
    @PreAuthorize(ImportApiController.IMPORTERS)
    void codes(HttpServletResponse response) throws IOException {
        ImportApiController.download(response, TableFormat.CSV, "import-codes.csv");
        templates.codesCsv(response.getOutputStream());
    }
}
