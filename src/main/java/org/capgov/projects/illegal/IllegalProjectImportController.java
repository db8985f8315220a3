package org.capgov.projects.illegal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.capgov.shared.DomainException;
import org.capgov.shared.spreadsheet.Downloads;
import org.capgov.shared.spreadsheet.TableFormat;
import org.capgov.shared.spreadsheet.TableWriter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register's import page: the template with Chinese headers (CSV or .xlsx, also under the API's path), the upload,
 * and the outcome on the same page, all or nothing with a row-by-row report (the API is
 * {@link IllegalProjectImportApiController}). The file parameter is optional so that authorization decides first.
 */
@Controller
class IllegalProjectImportController {

    /** Rows of the report on the page and in the API's answer. */
    static final int ERRORS_SHOWN = 1000;

    /** What the page shows after an upload. */
    record Result(String fileName, boolean ok, int rows, List<String> registered, String message,
            List<IllegalProjectImport.Problem> errors) {
    }

    private final IllegalProjectImport imports;

    IllegalProjectImportController(IllegalProjectImport imports) {
        this.imports = imports;
    }

    @GetMapping("/illegal-projects/import/template.{format}")
    @PreAuthorize(IllegalProjectApiController.OFFICERS)
    void template(@PathVariable String format, HttpServletResponse response) throws IOException {
        writeTemplate(format, response);
    }

    /** The header row in CSV (UTF-8 with a BOM) or .xlsx; 404 for another format. */
    static void writeTemplate(String format, HttpServletResponse response) throws IOException {
        TableFormat f = switch (format) {
            case "csv" -> TableFormat.CSV;
            case "xlsx" -> TableFormat.XLSX;
            default -> throw DomainException.notFound("error.illegal.templateFormat", format);
        };
        Downloads.attachment(response, f.mediaType(), "违规项目导入模板." + f.extension());
        try (TableWriter table = f.open(response.getOutputStream(), "违规项目")) {
            table.row(IllegalProjectImport.COLUMNS);
        }
    }

    @GetMapping("/illegal-projects/import")
    @PreAuthorize(IllegalProjectApiController.OFFICERS)
    String page(Model model) {
        model.addAttribute("columns", IllegalProjectImport.COLUMNS);
        model.addAttribute("maxRows", IllegalProjectImport.MAX_ROWS);
        return "projects/illegal-import";
    }

    @PostMapping("/illegal-projects/import")
    @PreAuthorize(IllegalProjectApiController.OFFICERS)
    String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("result", new Result("", false, 0, List.of(), "请选择要导入的文件（CSV 或 .xlsx）",
                    List.of()));
            return "redirect:/illegal-projects/import";
        }
        IllegalProjectImport.Outcome o = run(imports, file);
        redirect.addFlashAttribute("result", new Result(file.getOriginalFilename(), o.ok(), o.rows(), o.registered(),
                o.ok() ? null : "共 " + o.problems().size() + " 处错误", shown(o)));
        return "redirect:/illegal-projects/import";
    }

    static IllegalProjectImport.Outcome run(IllegalProjectImport imports, MultipartFile file) throws IOException {
        Path upload = imports.newUpload();
        try {
            file.transferTo(upload);
            return imports.run(upload);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    static List<IllegalProjectImport.Problem> shown(IllegalProjectImport.Outcome o) {
        return o.problems().subList(0, Math.min(ERRORS_SHOWN, o.problems().size()));
    }
}
