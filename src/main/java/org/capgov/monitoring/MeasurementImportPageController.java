package org.capgov.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The upload page of the measurement import: form, template, rules; after an upload the outcome (how many were
 * imported, or the first rows of the error report) is shown on the same page. The import itself is the API's.
 */
@Controller
class MeasurementImportPageController {

    /** Rows of the error report shown on the page (the API answer carries up to 1000). */
    static final int ERRORS_ON_PAGE = 200;

    /** What the page shows after an upload. */
    record Result(String fileName, boolean ok, long imported, long rows, long errorCount, String message,
            List<MeasurementImport.Problem> errors) {
    }

    private final MeasurementImport imports;

    MeasurementImportPageController(MeasurementImport imports) {
        this.imports = imports;
    }

    @GetMapping("/monitoring/import")
    @PreAuthorize(MeasurementApiController.WRITERS)
    String page(Model model) {
        model.addAttribute("maxRows", MeasurementImport.MAX_ROWS);
        model.addAttribute("columns", MeasurementImportColumn.values());
        model.addAttribute("sources", MeasurementSource.values());
        return "monitoring/import";
    }

    @GetMapping("/monitoring/import/template.csv")
    @PreAuthorize(MeasurementApiController.WRITERS)
    void template(HttpServletResponse response) throws IOException {
        MeasurementImportController.writeTemplate(response);
    }

    @PostMapping("/monitoring/import")
    @PreAuthorize(MeasurementApiController.WRITERS)
    String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("result", new Result("", false, 0, 0, 1, "请选择要导入的文件（CSV 或 .xlsx）", List.of()));
            return "redirect:/monitoring/import";
        }
        Path upload = imports.newUpload();
        try {
            file.transferTo(upload);
            MeasurementImport.Outcome o = imports.run(file.getOriginalFilename(), upload);
            redirect.addFlashAttribute("result", new Result(file.getOriginalFilename(), o.ok(), o.imported(), o.rows(),
                    o.errorCount(), o.message(), o.errors().subList(0, Math.min(ERRORS_ON_PAGE, o.errors().size()))));
            return "redirect:/monitoring/import";
        } finally {
            Files.deleteIfExists(upload);
        }
    }
}
