package org.capgov.capacity.output;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * The output import over the API (synchronous, all or nothing: 200 with the number imported, or 400 problem+json
 * whose {@code errors} list the rows at fault) and its page (form, templates, the outcome on the same page). The
 * file parameter is optional in the signatures so that authorization, not parameter binding, decides first.
 */
@Controller
@Tag(name = "capacity", description = "Output, utilisation and warnings 产能利用率与预警")
class OutputImportController {

    /** Rows of the error report in the API answer; the total is in {@code errorCount}. */
    static final int ERRORS_SHOWN = 1000;
    /** Rows of the error report on the page. */
    static final int ERRORS_ON_PAGE = 200;

    record Imported(long imported, long rows, long enterprises, String format, String sha256) {
    }

    /** What the page shows after an upload. */
    record Result(String fileName, boolean ok, long imported, long enterprises, long errorCount, String message,
            List<OutputImport.Problem> errors) {
    }

    private final OutputImport imports;

    OutputImportController(OutputImport imports) {
        this.imports = imports;
    }

    @PostMapping("/api/v1/output/import")
    @PreAuthorize(OutputApiController.WRITERS)
    @ResponseBody
    @Operation(summary = "Import monthly output from CSV (UTF-8 or GBK) or .xlsx, all or nothing; a month already "
            + "reported becomes a new revision 产量导入")
    ResponseEntity<?> upload(@RequestParam(required = false) MultipartFile file, HttpServletRequest request)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid(List.of(new FieldProblem("file", "", "请选择要导入的文件（CSV 或 .xlsx）")));
        }
        OutputImport.Outcome outcome = run(file);
        if (outcome.ok()) {
            return ResponseEntity.ok(new Imported(outcome.imported(), outcome.rows(), outcome.enterprises(),
                    outcome.format(), outcome.sha256()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "导入被拒绝，未导入任何数据："
                + (outcome.message() != null ? outcome.message() : "共 " + outcome.errorCount() + " 处错误"));
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", "error.capacity.importRejected");
        problem.setProperty("field", "file");
        problem.setProperty("rows", outcome.rows());
        problem.setProperty("errorCount", outcome.errorCount());
        problem.setProperty("errors", outcome.errors().subList(0, Math.min(ERRORS_SHOWN, outcome.errors().size())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping({"/api/v1/output/template.{format}", "/capacity/output/import/template.{format}"})
    @PreAuthorize(OutputApiController.WRITERS)
    @Operation(summary = "Template of the output import with Chinese headers, format csv or xlsx 导入模板")
    void template(@PathVariable String format, HttpServletResponse response) throws IOException {
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
        OutputImport.Outcome o = run(file);
        redirect.addFlashAttribute("result", new Result(file.getOriginalFilename(), o.ok(), o.imported(), o.enterprises(),
                o.errorCount(), o.message(), o.errors().subList(0, Math.min(ERRORS_ON_PAGE, o.errors().size()))));
        return "redirect:/capacity/output/import";
    }

    private OutputImport.Outcome run(MultipartFile file) throws IOException {
        Path upload = imports.newUpload();
        try {
            file.transferTo(upload);
            return imports.run(file.getOriginalFilename(), upload);
        } finally {
            Files.deleteIfExists(upload);
        }
    }
}
