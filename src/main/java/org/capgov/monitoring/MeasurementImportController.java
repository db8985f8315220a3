package org.capgov.monitoring;

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
import java.util.Map;
import org.capgov.shared.DomainException;
import org.capgov.shared.DomainException.FieldProblem;
import org.capgov.shared.spreadsheet.Downloads;
import org.capgov.shared.spreadsheet.TableWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Measurement import over the API, synchronous and all or nothing: 200 with the number imported, or 400
 * problem+json whose {@code errors} list the rows at fault. The file parameter is optional in the signature so that
 * authorization, not parameter binding, decides first who may call.
 */
@RestController
@Tag(name = "monitoring", description = "Measurements 监测数据")
class MeasurementImportController {

    /** Rows of the error report in the answer; the total is in {@code errorCount}. */
    static final int ERRORS_SHOWN = 1000;
    /** The template's headers, with hints in brackets (ignored when reading). */
    static final Map<MeasurementImportColumn, String> HINTS = Map.of(
            MeasurementImportColumn.MEASURED_AT, "时间（北京时间 yyyy-MM-dd HH:mm，或填期间）",
            MeasurementImportColumn.PERIOD_START, "期间开始（yyyy-MM-dd）",
            MeasurementImportColumn.PERIOD_END, "期间结束（yyyy-MM-dd）",
            MeasurementImportColumn.ATTRIBUTES, "属性（k=v;k=v）");

    record Imported(long imported, long rows, String format, String charset, String sha256) {
    }

    private final MeasurementImport imports;

    MeasurementImportController(MeasurementImport imports) {
        this.imports = imports;
    }

    @PostMapping("/api/v1/measurements/import")
    @PreAuthorize(MeasurementApiController.WRITERS)
    @Operation(summary = "Import measurements from CSV (UTF-8 or GBK) or .xlsx, all or nothing 导入测量值")
    ResponseEntity<?> upload(@RequestParam(required = false) MultipartFile file, HttpServletRequest request)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid(List.of(new FieldProblem("file", "", "请选择要导入的文件（CSV 或 .xlsx）")));
        }
        Path upload = imports.newUpload();
        try {
            file.transferTo(upload);
            MeasurementImport.Outcome outcome = imports.run(file.getOriginalFilename(), upload);
            if (outcome.ok()) {
                return ResponseEntity.ok(new Imported(outcome.imported(), outcome.rows(), outcome.format(),
                        outcome.charset(), outcome.sha256()));
            }
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "导入被拒绝，未导入任何数据："
                    + (outcome.message() != null ? outcome.message() : "共 " + outcome.errorCount() + " 处错误"));
            problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("code", "error.measurement.importRejected");
            problem.setProperty("rows", outcome.rows());
            problem.setProperty("errorCount", outcome.errorCount());
            problem.setProperty("errors", outcome.errors().subList(0, Math.min(ERRORS_SHOWN, outcome.errors().size())));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @GetMapping("/api/v1/measurements/template.csv")
    @PreAuthorize(MeasurementApiController.WRITERS)
    @Operation(summary = "CSV template of the measurement import (header row, UTF-8 with BOM) 导入模板")
    void template(HttpServletResponse response) throws IOException {
        writeTemplate(response);
    }

    /** The header row with hints, UTF-8 with a BOM so that Excel opens it as UTF-8. */
    static void writeTemplate(HttpServletResponse response) throws IOException {
        Downloads.attachment(response, Downloads.CSV, "measurements-template.csv");
        try (TableWriter table = TableWriter.csv(response.getOutputStream())) {
            table.row(Arrays.stream(MeasurementImportColumn.values()).map(c -> HINTS.getOrDefault(c, c.header())).toList());
        }
    }
}
