package org.capgov.registry.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;
import org.capgov.shared.SpreadsheetText;
import org.capgov.shared.ChinaTime;

/** The row-by-row error report of an import as .xlsx: a summary sheet and one line per stored error. */
@Component
class ImportErrorReport {

    /** Streams a job's stored errors into a sink. */
    @FunctionalInterface
    interface Errors {
        void forEach(Consumer<ImportError> sink);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ChinaTime.ZONE);

    void write(ImportJob job, int cap, Errors errors, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            workbook.setCompressTempFiles(true);
            Font font = workbook.createFont();
            font.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(font);
            SXSSFSheet summary = workbook.createSheet("导入概况");
            summary.setColumnWidth(0, 16 * 256);
            summary.setColumnWidth(1, 80 * 256);
            List<List<String>> lines = List.of(
                    List.of("导入编号", Long.toString(job.id())),
                    List.of("文件", job.fileName()),
                    List.of("SHA-256", job.sha256() == null ? "" : job.sha256()),
                    List.of("内容", job.kind().nameZh() + "（" + job.mode().nameZh() + "）"),
                    List.of("结果", statusZh(job.status())),
                    List.of("读取数据行", Long.toString(job.rowsRead())),
                    List.of("错误总数", Long.toString(job.errorCount())),
                    List.of("说明", job.errorCount() > cap ? "错误过多，本表只列出按行号排序的前 " + cap + " 条；修正后重新导入可看到其余错误"
                            : job.status() == ImportJob.Status.SUCCEEDED ? "全部导入成功" : "存在错误，整个文件未导入任何数据"),
                    List.of("提交人", job.submittedBy()),
                    List.of("提交时间", job.createdAt() == null ? "" : TIME.format(job.createdAt())),
                    List.of("文件级问题", job.message() == null ? "" : job.message()));
            for (int i = 0; i < lines.size(); i++) {
                var row = summary.createRow(i);
                var label = row.createCell(0);
                label.setCellValue(lines.get(i).get(0));
                label.setCellStyle(bold);
                row.createCell(1).setCellValue(SpreadsheetText.guard(lines.get(i).get(1)));
            }
            SXSSFSheet sheet = workbook.createSheet("错误明细");
            int[] widths = {8, 24, 40, 90};
            String[] headers = {"行号", "列", "值", "原因"};
            var head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
                var c = head.createCell(i);
                c.setCellValue(headers[i]);
                c.setCellStyle(bold);
            }
            int[] next = {1};
            errors.forEach(e -> {
                var row = sheet.createRow(next[0]++);
                if (e.row() > 0) {
                    row.createCell(0).setCellValue(e.row());
                } else {
                    row.createCell(0).setCellValue("—");
                }
                row.createCell(1).setCellValue(SpreadsheetText.guard(e.column()));
                row.createCell(2).setCellValue(SpreadsheetText.guard(e.value()));
                row.createCell(3).setCellValue(SpreadsheetText.guard(e.reason()));
            });
            workbook.setActiveSheet(1);
            workbook.write(out);
            out.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    static String statusZh(ImportJob.Status status) {
        return switch (status) {
            case QUEUED -> "排队中";
            case RUNNING -> "处理中";
            case SUCCEEDED -> "导入成功";
            case REJECTED -> "有错误，未导入";
            case FAILED -> "处理失败，未导入";
        };
    }
}
