package org.capgov.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * The annual report as .docx: title, the text as edited (a line per paragraph), the approval and submission, and an
 * appendix naming, for every figure, the query that produced it and its SQL.
 */
final class AnnualReportDocument {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";

    private AnnualReportDocument() {
    }

    static String title(AnnualReports.AnnualReport r) {
        return r.regionName() + r.year() + "年度落后产能退出情况" + ("CITY".equals(r.level()) ? "书面报告" : "报告");
    }

    static byte[] docx(AnnualReports.AnnualReport r, List<PlatformFigures.Figure> figures) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph t = doc.createParagraph();
            t.setAlignment(ParagraphAlignment.CENTER);
            t.setSpacingAfter(400);
            run(t, title(r), TITLE_FONT, 22).setBold(true);
            for (String line : r.text().split("\n")) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.BOTH);
                p.setIndentationFirstLine(640);
                p.setSpacingBetween(1.5);
                run(p, line, BODY_FONT, 16);
            }
            if (r.approval() != null) {
                XWPFParagraph p = doc.createParagraph();
                p.setSpacingBefore(400);
                run(p, "本报告" + r.approval() + "（" + r.approvedOn() + "）。", BODY_FONT, 16);
            }
            if (r.submittedTo() != null) {
                run(doc.createParagraph(), "报送：" + r.submittedTo() + "（" + r.submittedOn() + "）", BODY_FONT, 16);
            }
            XWPFParagraph a = doc.createParagraph();
            a.setPageBreak(true);
            run(a, "附录　数据来源（每项数据的查询名称和查询语句）", TITLE_FONT, 16).setBold(true);
            XWPFTable table = doc.createTable(figures.size() + 1, 4);
            String[] header = {"数据", "数值", "查询名称", "查询语句"};
            for (int i = 0; i < header.length; i++) {
                table.getRow(0).getCell(i).setText(header[i]);
            }
            int row = 1;
            for (PlatformFigures.Figure f : figures) {
                table.getRow(row).getCell(0).setText(f.label());
                table.getRow(row).getCell(1).setText(Long.toString(f.value()));
                table.getRow(row).getCell(2).setText(f.query());
                table.getRow(row).getCell(3).setText(f.sql() + "（地区 " + r.region() + "，" + r.year() + "年1月1日至12月31日）");
                row++;
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        return r;
    }
}
