package org.capgov.projects.illegal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.spreadsheet.Downloads;
import org.capgov.shared.spreadsheet.TableFormat;
import org.capgov.shared.spreadsheet.TableWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register's import, page and API: the template with Chinese headers (CSV or .xlsx), the upload, and the outcome,
 * all or nothing with a row-by-row report (201 with the register numbers, or 400 problem+json whose {@code errors}
 * list the rows at fault). The file parameter is optional so that authorization decides first.
 */
@Controller
@Tag(name = "projects", description = "Illegal-project register 违规项目清理台账")
class IllegalProjectImportController {

    /** Rows of the report on the page and in the API's answer. */
    static final int ERRORS_SHOWN = 1000;

    /** What the page shows after an upload. */
    record Result(String fileName, boolean ok, int rows, List<String> registered, String message,
            List<IllegalProjectImport.Problem> errors) {
    }

    record Imported(int rows, List<String> registered) {
    }

    private final IllegalProjectImport imports;

    IllegalProjectImportController(IllegalProjectImport imports) {
        this.imports = imports;
    }

    @GetMapping({"/illegal-projects/import/template.{format}", "/api/v1/illegal-projects/template.{format}"})
    @PreAuthorize(IllegalProjectApiController.OFFICERS)
    @Operation(summary = "Template of the register import with Chinese headers, format csv or xlsx 违规项目导入模板")
    void template(@PathVariable String format, HttpServletResponse response) throws IOException {
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
        IllegalProjectImport.Outcome o = run(file);
        redirect.addFlashAttribute("result", new Result(file.getOriginalFilename(), o.ok(), o.rows(), o.registered(),
                o.ok() ? null : "共 " + o.problems().size() + " 处错误", shown(o)));
        return "redirect:/illegal-projects/import";
    }

    @PostMapping("/api/v1/illegal-projects/import")
    @PreAuthorize(IllegalProjectApiController.OFFICERS)
    @ResponseBody
    @Operation(summary = "Import projects into the register from CSV (UTF-8 or GBK) or .xlsx, all or nothing, with a "
            + "row-by-row report 违规项目导入")
    ResponseEntity<?> uploadApi(@RequestParam(required = false) MultipartFile file, HttpServletRequest request)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid(List.of(new FieldProblem("file", "", "请选择要导入的文件（CSV 或 .xlsx）")));
        }
        IllegalProjectImport.Outcome o = run(file);
        if (o.ok()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(o.rows(), o.registered()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "导入被拒绝，未登记任何项目：共 "
                + o.problems().size() + " 处错误");
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", "error.illegal.importRejected");
        problem.setProperty("field", "file");
        problem.setProperty("rows", o.rows());
        problem.setProperty("errorCount", o.problems().size());
        problem.setProperty("errors", shown(o));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private IllegalProjectImport.Outcome run(MultipartFile file) throws IOException {
        Path upload = imports.newUpload();
        try {
            file.transferTo(upload);
            return imports.run(upload);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    private static List<IllegalProjectImport.Problem> shown(IllegalProjectImport.Outcome o) {
        return o.problems().subList(0, Math.min(ERRORS_SHOWN, o.problems().size()));
    }
}
