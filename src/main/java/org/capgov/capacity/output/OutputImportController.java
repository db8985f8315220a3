package org.capgov.capacity.output;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * The page of the output import: form, templates, the outcome on the same page (the API is
 * {@link OutputImportApiController}). The file parameter is optional so that authorization decides first.
 */
@Controller
class OutputImportController {

    /** Rows of the error report on the page. */
    static final int ERRORS_ON_PAGE = 200;

    /** What the page shows after an upload. */
    record Result(String fileName, boolean ok, long imported, long enterprises, long errorCount, String message,
            List<OutputImport.Problem> errors) {
    }

    private final OutputImport imports;

    OutputImportController(OutputImport imports) {
        this.imports = imports;
    }

    @GetMapping("/capacity/output/import/template.{format}")
    @PreAuthorize(OutputApiController.WRITERS)
    void template(@PathVariable String format, HttpServletResponse response) throws IOException {
        writeTemplate(format, response);
    }

    /** The header row in CSV (UTF-8 with a BOM) or .xlsx; 404 for another format. */
    static void writeTemplate(String format, HttpServletResponse response) throws IOException {
        TableFormat f = switch (format) {
            case "csv" -> TableFormat.CSV;
            case "xlsx" -> TableFormat.XLSX;
            default -> throw DomainException.notFound("error.capacity.templateFormat", format);
        };
        Downloads.attachment(response, f.mediaType(), "产量导入模板." + f.extension());
        try (TableWriter table = f.open(response.getOutputStream(), "产量")) {
            table.row(Arrays.stream(OutputImportColumn.values()).map(OutputImportColumn::templateHeader).toList());
        }
    }

    @GetMapping("/capacity/output/import")
    @PreAuthorize(OutputApiController.WRITERS)
    String page(Model model) {
        model.addAttribute("columns", Arrays.stream(OutputImportColumn.values()).map(OutputImportColumn::templateHeader)
                .toList());
        model.addAttribute("required", Arrays.stream(OutputImportColumn.values()).filter(OutputImportColumn::required)
                .map(OutputImportColumn::templateHeader).toList());
        model.addAttribute("maxRows", OutputImport.MAX_ROWS);
        return "capacity/import";
    }

    @PostMapping("/capacity/output/import")
    @PreAuthorize(OutputApiController.WRITERS)
    String uploadPage(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("result", new Result("", false, 0, 0, 1, "请选择要导入的文件（CSV 或 .xlsx）", List.of()));
            return "redirect:/capacity/output/import";
        }
        OutputImport.Outcome o = run(imports, file);
        redirect.addFlashAttribute("result", new Result(file.getOriginalFilename(), o.ok(), o.imported(), o.enterprises(),
                o.errorCount(), o.message(), o.errors().subList(0, Math.min(ERRORS_ON_PAGE, o.errors().size()))));
        return "redirect:/capacity/output/import";
    }

    static OutputImport.Outcome run(OutputImport imports, MultipartFile file) throws IOException {
        Path upload = imports.newUpload();
        try {
            file.transferTo(upload);
            return imports.run(file.getOriginalFilename(), upload);
        } finally {
            Files.deleteIfExists(upload);
        }
    }
}
