package org.capgov.projects.illegal;

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
 * The register's import over the API, synchronous and all or nothing: 201 with the register numbers, or 400
 * problem+json whose {@code errors} list the rows at fault (row, column, value, reason) and nothing is stored.
 */
@RestController
@Tag(name = "projects", description = "Illegal-project register 违规项目清理台账")
class IllegalProjectImportApiController {

    record Imported(int rows, List<String> registered) {
    }

    private final IllegalProjectImport imports;

    IllegalProjectImportApiController(IllegalProjectImport imports) {
        this.imports = imports;
    }

    @GetMapping("/api/v1/illegal-projects/template.{format}")
    @PreAuthorize(IllegalProjectApiController.OFFICERS)
    @Operation(summary = "Template of the register import with Chinese headers, format csv or xlsx 违规项目导入模板")
    void template(@PathVariable String format, HttpServletResponse response) throws IOException {
        IllegalProjectImportController.writeTemplate(format, response);
    }

    @PostMapping("/api/v1/illegal-projects/import")
    @PreAuthorize(IllegalProjectApiController.OFFICERS)
    @Operation(summary = "Import projects into the register from CSV (UTF-8 or GBK) or .xlsx, all or nothing, with a "
            + "row-by-row report 违规项目导入")
    ResponseEntity<?> uploadApi(@RequestParam(required = false) MultipartFile file, HttpServletRequest request)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid(List.of(new FieldProblem("file", "", "请选择要导入的文件（CSV 或 .xlsx）")));
        }
        IllegalProjectImport.Outcome o = IllegalProjectImportController.run(imports, file);
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
        problem.setProperty("errors", IllegalProjectImportController.shown(o));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
