package org.capgov.registry.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.capgov.registry.RegionDirectory;
import org.capgov.shared.spreadsheet.TableWriter;

/**
 * Download templates: an .xlsx whose first sheet has the Chinese header row (cells formatted as text, so that codes
 * such as 500102 are not turned into numbers) followed by sheets explaining the columns and the codes, and a CSV
 * with the header row only (UTF-8 with BOM) plus a separate code CSV.
 */
@Component
class ImportTemplates {

    private final RegionDirectory regions;

    ImportTemplates(RegionDirectory regions) {
        this.regions = regions;
    }

    void xlsx(ImportKind kind, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            Font requiredFont = workbook.createFont();
            requiredFont.setBold(true);
            requiredFont.setColor(IndexedColors.DARK_RED.getIndex());
            DataFormat formats = workbook.createDataFormat();
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(formats.getFormat("@"));
            CellStyle optional = workbook.createCellStyle();
            optional.cloneStyleFrom(text);
            optional.setFont(boldFont);
            CellStyle required = workbook.createCellStyle();
            required.cloneStyleFrom(text);
            required.setFont(requiredFont);

            XSSFSheet data = workbook.createSheet(kind.nameZh());
            XSSFRow head = data.createRow(0);
            List<ImportColumn> columns = kind.importColumns();
            for (int i = 0; i < columns.size(); i++) {
                var cell = head.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(columns.get(i).required() ? required : optional);
                data.setColumnWidth(i, Math.max(12, columns.get(i).header().length() * 3) * 256);
                data.setDefaultColumnStyle(i, text);
            }
            data.createFreezePane(0, 1);

            XSSFSheet guide = workbook.createSheet("填写说明");
            int r = table(guide, 0, List.of("类别", "列名", "代码", "说明"), ImportCodes.columns(kind), boldFont);
            List<List<String>> notes = List.of(
                    List.of("说明", "表头", "", "第一行为表头，须与本模板一致（也可用代码作列名）；深红色为必填列；未知列会使整个文件被拒绝"),
                    List.of("说明", "整体导入", "", "每一行都会被校验；只要有一处错误，整个文件都不导入，并给出逐行错误报告"),
                    List.of("说明", "重复导入", "", kind == ImportKind.ENTERPRISES
                            ? "按统一社会信用代码匹配已有企业；“仅新增”遇已有企业报错，“新增或更新”则更新它（未包含的列保留原值）"
                            : "按统一社会信用代码 + 设备编号匹配已有设备；“仅新增”遇已有设备报错，“新增或更新”则更新它"),
                    List.of("说明", "公式", "", "不接受公式，也不接受以 = + - @ 开头的内容"),
                    List.of("说明", "示例", "", example(kind)));
            table(guide, r + 1, null, notes, boldFont);

            XSSFSheet codes = workbook.createSheet("代码说明");
            table(codes, 0, ImportCodes.HEADER, ImportCodes.codes(kind, regions.openRegions().values()), boldFont);
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }

    void csv(ImportKind kind, OutputStream out) throws IOException {
        try (TableWriter table = TableWriter.csv(out)) {
            table.row(kind.importColumns().stream().map(ImportColumn::header).toList());
        }
    }

    /** Every code of both kinds and the meaning of every column, as the CSV companion of the CSV templates. */
    void codesCsv(OutputStream out) throws IOException {
        try (TableWriter table = TableWriter.csv(out)) {
            table.row(ImportCodes.HEADER);
            for (ImportKind kind : ImportKind.values()) {
                for (List<String> row : ImportCodes.columns(kind)) {
                    table.row(List.of(row.get(0), row.get(2), row.get(1), row.get(3)));
                }
            }
            for (List<String> row : ImportCodes.codes(null, regions.openRegions().values())) {
                table.row(row);
            }
        }
    }

    private static int table(XSSFSheet sheet, int start, List<String> header, List<List<String>> rows, Font bold) {
        int r = start;
        if (header != null) {
            CellStyle style = sheet.getWorkbook().createCellStyle();
            style.setFont(bold);
            XSSFRow head = sheet.createRow(r++);
            for (int i = 0; i < header.size(); i++) {
                var cell = head.createCell(i);
                cell.setCellValue(header.get(i));
                cell.setCellStyle(style);
            }
        }
        for (List<String> row : rows) {
            XSSFRow line = sheet.createRow(r++);
            for (int i = 0; i < row.size(); i++) {
                line.createCell(i).setCellValue(row.get(i));
            }
        }
        int[] widths = {20, 26, 24, 90};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        return r;
    }

    private static String example(ImportKind kind) {
        return kind == ImportKind.ENTERPRISES
                ? "91500102MA5U8A1B06 | 重庆某某钢铁有限公司 | 500102 | STEEL;COKING | 涪陵区某路1号 | 张三 | | 5001020001;5001020002 "
                        + "| OPERATING | 2015-06-01 | 否"
                : "91500102MA5U8A1B06 | L1 | BF-1 | BLAST_FURNACE | volume_m3=450;purpose=GENERAL | PIG_IRON | 400000 "
                        + "| 2008-05-01 | | OPERATING |";
    }
}
