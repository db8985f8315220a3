package org.capgov.registry.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import org.capgov.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.capgov.registry.Equipment;
import org.capgov.registry.Enterprise;
import org.capgov.registry.EnterpriseFilter;
import org.capgov.shared.spreadsheet.TableFormat;

/**
 * Exports over the API: the enterprise list with the filters of GET /api/v1/enterprises, and equipment of one
 * enterprise or of a filter, each as CSV or .xlsx, streamed, within the caller's scope.
 */
@RestController
@Tag(name = "exports", description = "Registry exports 名录导出")
class ExportController {

    static final String READERS = "hasAnyRole('ADMIN','COORDINATOR','DEPARTMENT_OFFICER','DISTRICT_OFFICER','ENTERPRISE',"
            + "'GRID_COMPANY','OBSERVER')";

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/api/v1/enterprises/export.csv")
    @PreAuthorize(READERS)
    @Operation(summary = "Enterprise list as CSV (UTF-8 with BOM) 企业名录导出")
    void enterprisesCsv(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String status,
            @RequestParam(required = false) String product, @RequestParam(required = false) String capacityMin,
            @RequestParam(required = false) String capacityMax, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String desc, HttpServletResponse response) throws IOException {
        enterprises(filter(q, region, industry, status, product, capacityMin, capacityMax, sort, desc),
                TableFormat.CSV, response);
    }

    @GetMapping("/api/v1/enterprises/export.xlsx")
    @PreAuthorize(READERS)
    @Operation(summary = "Enterprise list as .xlsx 企业名录导出")
    void enterprisesXlsx(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String status,
            @RequestParam(required = false) String product, @RequestParam(required = false) String capacityMin,
            @RequestParam(required = false) String capacityMax, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String desc, HttpServletResponse response) throws IOException {
        enterprises(filter(q, region, industry, status, product, capacityMin, capacityMax, sort, desc),
                TableFormat.XLSX, response);
    }

    @GetMapping("/api/v1/equipment/export.csv")
    @PreAuthorize(READERS)
    @Operation(summary = "Equipment of an enterprise (enterprise=USCC) or of a filter as CSV 设备导出")
    void equipmentCsv(@RequestParam(required = false) String enterprise, @RequestParam(required = false) String region,
            @RequestParam(required = false) String product, @RequestParam(required = false) String type,
            @RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        equipment(new ExportEquipmentFilter(enterprise, region, product, type, status), TableFormat.CSV, response);
    }

    @GetMapping("/api/v1/equipment/export.xlsx")
    @PreAuthorize(READERS)
    @Operation(summary = "Equipment of an enterprise (enterprise=USCC) or of a filter as .xlsx 设备导出")
    void equipmentXlsx(@RequestParam(required = false) String enterprise, @RequestParam(required = false) String region,
            @RequestParam(required = false) String product, @RequestParam(required = false) String type,
            @RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        equipment(new ExportEquipmentFilter(enterprise, region, product, type, status), TableFormat.XLSX, response);
    }

    private void enterprises(EnterpriseFilter filter, TableFormat format, HttpServletResponse response)
            throws IOException {
        exports.check(filter);
        ImportApiController.download(response, format, exports.fileName(ImportKind.ENTERPRISES, format));
        exports.enterprises(filter, format, response.getOutputStream());
    }

    private void equipment(ExportEquipmentFilter filter, TableFormat format, HttpServletResponse response)
            throws IOException {
        ExportRepository.Criteria criteria = exports.check(filter);
        ImportApiController.download(response, format, exports.fileName(ImportKind.EQUIPMENT, format));
        exports.equipment(criteria, format, response.getOutputStream());
    }

    /** The search filters, spelled as GET /api/v1/enterprises and the search page spell them. */
    static EnterpriseFilter filter(String q, String region, String industry, String status, String product,
            String capacityMin, String capacityMax, String sort, String desc) {
        return new EnterpriseFilter(q, region, industry, status, product, number("capacityMin", capacityMin),
                number("capacityMax", capacityMax), sort, "true".equalsIgnoreCase(desc));
    }

    private static BigDecimal number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal d = ImportCells.decimal(value.trim());
        if (d == null) {
            throw DomainException.invalid(field, "error.request.badParameter", field);
        }
        return d;
    }
}
