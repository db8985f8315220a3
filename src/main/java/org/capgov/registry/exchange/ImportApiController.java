package org.capgov.registry.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.capgov.shared.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.capgov.shared.spreadsheet.TableFormat;
import org.capgov.shared.spreadsheet.Downloads;

/**
 * Imports over the API: upload a file (202 with the job), poll the job, fetch its errors, download templates. The
 * file parameter is optional in the signature so that authorization, not parameter binding, decides first who may
 * call; a missing file is then a 400 with a Chinese reason.
 */
@RestController
@Tag(name = "imports", description = "Registry imports 名录批量导入")
class ImportApiController {

    static final String IMPORTERS = "hasAnyRole('ADMIN','COORDINATOR','DISTRICT_OFFICER')";

    /** A job with its first stored errors. */
    record JobView(long id, ImportKind kind, ImportMode mode, String fileName, long fileSize, String fileFormat,
            String sha256, String charset, ImportJob.Status status, String phase, long rowsRead, Integer percent,
            long inserted, long updated, long errorCount, String message, String submittedBy, Instant createdAt,
            Instant startedAt, Instant finishedAt, List<ImportError> errors) {

        static JobView of(ImportJob j, List<ImportError> errors) {
            return new JobView(j.id(), j.kind(), j.mode(), j.fileName(), j.fileSize(), j.fileFormat(), j.sha256(),
                    j.charset(), j.status(), j.phase(), j.rowsRead(), j.percent(), j.inserted(), j.updated(),
                    j.errorCount(), j.message(), j.submittedBy(), j.createdAt(), j.startedAt(), j.finishedAt(), errors);
        }
    }

    private static final int FIRST_ERRORS = 100;

    private final ImportService imports;
    private final ImportTemplates templates;

    ImportApiController(ImportService imports, ImportTemplates templates) {
        this.imports = imports;
        this.templates = templates;
    }

    @PostMapping("/api/v1/imports")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "Upload a CSV (UTF-8 or GBK) or .xlsx file for import 上传导入文件; 202 with the job to poll")
    ResponseEntity<JobView> submit(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String mode, @RequestParam(required = false) MultipartFile file) {
        ImportKind k = kind(kind);
        ImportMode m = mode(mode);
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file", "error.import.noFile");
        }
        ImportJob job = imports.submit(k, m, file.getOriginalFilename(), file.getSize(),
                target -> file.transferTo(target.toFile()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(JobView.of(job, List.of()));
    }

    @GetMapping("/api/v1/imports")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "Recent import jobs visible to the caller 最近的导入任务")
    List<JobView> recent() {
        return imports.recent(50).stream().map(j -> JobView.of(j, List.of())).toList();
    }

    @GetMapping("/api/v1/imports/{id}")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "Status, progress, counts and first errors of a job 导入任务状态")
    JobView get(@PathVariable long id) {
        ImportJob job = imports.get(id);
        return JobView.of(job, imports.errors(id, FIRST_ERRORS));
    }

    @GetMapping("/api/v1/imports/{id}/errors")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "Stored errors of a job by row 错误明细")
    List<ImportError> errors(@PathVariable long id, @RequestParam(defaultValue = "1000") int limit) {
        return imports.errors(id, Math.max(1, Math.min(limit, imports.maxStoredErrors())));
    }

    @GetMapping("/api/v1/imports/{id}/errors.xlsx")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "Error report of a job as .xlsx 错误报告")
    void errorReport(@PathVariable long id, HttpServletResponse response) throws IOException {
        imports.get(id);
        download(response, TableFormat.XLSX, "import-" + id + "-errors.xlsx");
        imports.writeErrorReport(id, response.getOutputStream());
    }

    @GetMapping("/api/v1/imports/templates/{kind}.xlsx")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "Excel template with code sheets 导入模板（Excel）")
    void templateXlsx(@PathVariable String kind, HttpServletResponse response) throws IOException {
        ImportKind k = kind(kind);
        download(response, TableFormat.XLSX, k.fileName() + "-template.xlsx");
        templates.xlsx(k, response.getOutputStream());
    }

    @GetMapping("/api/v1/imports/templates/{kind}.csv")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "CSV template (header row, UTF-8 with BOM) 导入模板（CSV）")
    void templateCsv(@PathVariable String kind, HttpServletResponse response) throws IOException {
        ImportKind k = kind(kind);
        download(response, TableFormat.CSV, k.fileName() + "-template.csv");
        templates.csv(k, response.getOutputStream());
    }

    @GetMapping("/api/v1/imports/templates/codes.csv")
    @PreAuthorize(IMPORTERS)
    @Operation(summary = "Columns and codes of the templates as CSV 代码说明")
    void codes(HttpServletResponse response) throws IOException {
        download(response, TableFormat.CSV, "import-codes.csv");
        templates.codesCsv(response.getOutputStream());
    }

    static ImportKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw DomainException.invalid("kind", "error.import.kind", "");
        }
        return ImportKind.of(kind).orElseThrow(() -> DomainException.invalid("kind", "error.import.kind", kind));
    }

    static ImportMode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            return ImportMode.INSERT_ONLY;
        }
        try {
            return ImportMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("mode", "error.import.mode", mode);
        }
    }

    static void download(HttpServletResponse response, TableFormat format, String fileName) {
        Downloads.attachment(response, format.mediaType(), fileName);
    }
}
