package org.capgov.capacity.output;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The output import over the API, synchronous and all or nothing: 200 with the number imported, or 400 problem+json
 * whose {@code errors} list the rows at fault. The file parameter is optional in the signature so that
 * authorization, not parameter binding, decides first who may call.
 */
@RestController
@Tag(name = "capacity", description = "Output, utilisation and warnings 产能利用率与预警")
class OutputImportApiController {

    /** Rows of the error report in the answer; the total is in {@code errorCount}. */
    static final int ERRORS_SHOWN = 1000;

    record Imported(long imported, long rows, long enterprises, String format, String sha256) {
    }

    private final OutputImport imports;

    OutputImportApiController(OutputImport imports) {
        this.imports = imports;
    }

    @PostMapping("/api/v1/output/import")
    @PreAuthorize(OutputApiController.WRITERS)
    @Operation(summary = "Import monthly output from CSV (UTF-8 or GBK) or .xlsx, all or nothing; a month already "
            + "reported becomes a new revision 产量导入")
    ResponseEntity<?> upload(@RequestParam(required = false) MultipartFile file, HttpServletRequest request)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid(List.of(new FieldProblem("file", "", "请选择要导入的文件（CSV 或 .xlsx）")));
        }
        OutputImport.Outcome outcome = OutputImportController.run(imports, file);
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

    @GetMapping("/api/v1/output/template.{format}")
    @PreAuthorize(OutputApiController.WRITERS)
    @Operation(summary = "Template of the output import with Chinese headers, format csv or xlsx 导入模板")
    void template(@PathVariable String format, HttpServletResponse response) throws IOException {
        OutputImportController.writeTemplate(format, response);
    }
}
