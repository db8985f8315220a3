package org.capgov.registry.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.capgov.registry.EnterpriseFilter;
import org.capgov.shared.spreadsheet.TableFormat;

/**
 * The export links of the registry pages (session login); same files as the API. A refused filter shows the error
 * page in the page's language instead of a problem+json.
 */
@Controller
class ExportPageController {

    private final ExportService exports;

    ExportPageController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/registry/enterprises/export.csv")
    @PreAuthorize(ExportController.READERS)
    void enterprisesCsv(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String status,
            @RequestParam(required = false) String product, @RequestParam(required = false) String capacityMin,
            @RequestParam(required = false) String capacityMax, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String desc, HttpServletResponse response) throws IOException {
        enterprises(ExportController.filter(q, region, industry, status, product, capacityMin, capacityMax, sort, desc),
                TableFormat.CSV, response);
    }

    @GetMapping("/registry/enterprises/export.xlsx")
    @PreAuthorize(ExportController.READERS)
    void enterprisesXlsx(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String status,
            @RequestParam(required = false) String product, @RequestParam(required = false) String capacityMin,
            @RequestParam(required = false) String capacityMax, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String desc, HttpServletResponse response) throws IOException {
        enterprises(ExportController.filter(q, region, industry, status, product, capacityMin, capacityMax, sort, desc),
                TableFormat.XLSX, response);
    }

    @GetMapping("/registry/equipment/export.csv")
    @PreAuthorize(ExportController.READERS)
    void equipmentCsv(@RequestParam(required = false) String enterprise, @RequestParam(required = false) String region,
            @RequestParam(required = false) String product, @RequestParam(required = false) String type,
            @RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        equipment(new ExportEquipmentFilter(enterprise, region, product, type, status), TableFormat.CSV, response);
    }

    @GetMapping("/registry/equipment/export.xlsx")
    @PreAuthorize(ExportController.READERS)
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
}
