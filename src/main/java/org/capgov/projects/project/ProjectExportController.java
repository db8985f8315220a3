package org.capgov.projects.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.capgov.shared.spreadsheet.Downloads;
import org.capgov.shared.spreadsheet.TableFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Downloads of projects and replacement plans in the caller's scope, CSV or .xlsx, for the pages (linked from the
 * project list) and for the API; the same tables either way.
 */
@Controller
@Tag(name = "projects", description = "Projects and replacement plans 项目与产能置换方案")
class ProjectExportController {

    private final ProjectExports exports;

    ProjectExportController(ProjectExports exports) {
        this.exports = exports;
    }

    @GetMapping({"/api/v1/projects/export.csv", "/projects/export.csv"})
    @PreAuthorize(ProjectApiController.READERS)
    @Operation(summary = "Projects in the caller's scope as CSV, names instead of codes 导出项目（CSV）")
    void projectsCsv(@RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        exports.projects(status, TableFormat.CSV, () -> open(response, "新增产能项目", TableFormat.CSV));
    }

    @GetMapping({"/api/v1/projects/export.xlsx", "/projects/export.xlsx"})
    @PreAuthorize(ProjectApiController.READERS)
    @Operation(summary = "Projects in the caller's scope as an Excel workbook 导出项目（Excel）")
    void projectsXlsx(@RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        exports.projects(status, TableFormat.XLSX, () -> open(response, "新增产能项目", TableFormat.XLSX));
    }

    @GetMapping({"/api/v1/replacement-plans/export.csv", "/plans/export.csv"})
    @PreAuthorize(ProjectApiController.READERS)
    @Operation(summary = "Replacement plans in the caller's scope as CSV 导出置换方案（CSV）")
    void plansCsv(HttpServletResponse response) throws IOException {
        exports.plans(TableFormat.CSV, () -> open(response, "产能置换方案", TableFormat.CSV));
    }

    @GetMapping({"/api/v1/replacement-plans/export.xlsx", "/plans/export.xlsx"})
    @PreAuthorize(ProjectApiController.READERS)
    @Operation(summary = "Replacement plans in the caller's scope as an Excel workbook 导出置换方案（Excel）")
    void plansXlsx(HttpServletResponse response) throws IOException {
        exports.plans(TableFormat.XLSX, () -> open(response, "产能置换方案", TableFormat.XLSX));
    }

    private static java.io.OutputStream open(HttpServletResponse response, String name, TableFormat format)
            throws IOException {
        Downloads.attachment(response, format.mediaType(), ProjectExports.fileName(name, format));
        return response.getOutputStream();
    }
}
