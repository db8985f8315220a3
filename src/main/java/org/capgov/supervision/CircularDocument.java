package org.capgov.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A 通报 as a .docx, from the template src/main/resources/supervision/templates/tongbao.txt, laid out as an official
 * letter (red issuer over a rule, title, addressee, body in 仿宋 三号 with a two-character indent, issuer and date).
 */
final class CircularDocument {

    record SlowDistrict(String name, String path, int overdue, int duban, List<Line> tasks) {
    }

    record Line(String task, String document, String section, String due, String lead) {
    }

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";

    private CircularDocument() {
    }

    static Map<String, String> template() {
        try (InputStream in = CircularDocument.class.getResourceAsStream("/supervision/templates/tongbao.txt")) {
            Map<String, String> t = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(": ");
                t.put(line.substring(0, colon), line.substring(colon + 2).trim());
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fill(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
        }
        return out;
    }

    /** The body as plain text (stored with the notice, shown on the page) — the same words as the .docx. */
    static List<String> paragraphs(Map<String, String> values, List<SlowDistrict> districts) {
        Map<String, String> t = template();
        List<String> out = new java.util.ArrayList<>();
        out.add(fill(t.get("opening"), values));
        for (SlowDistrict d : districts) {
            out.add(fill(t.get("district"), Map.of("district", d.name(), "overdue", Integer.toString(d.overdue()),
                    "duban", Integer.toString(d.duban()))));
            int n = 1;
            for (Line l : d.tasks()) {
                out.add(fill(t.get("task"), Map.of("n", Integer.toString(n++), "task", l.task(), "document",
                        l.document(), "section", l.section(), "due", l.due(), "lead", l.lead())));
            }
        }
        out.add(fill(t.get("closing"), values));
        return out;
    }

    static byte[] docx(Map<String, String> values, String number, List<String> paragraphs, String date) {
        Map<String, String> t = template();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var body = doc.getDocument().getBody();
            CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
            section.addNewPgSz().setW(BigInteger.valueOf(11906));
            section.getPgSz().setH(BigInteger.valueOf(16838));
            CTPageMar margins = section.addNewPgMar();
            margins.setTop(BigInteger.valueOf(1587));
            margins.setBottom(BigInteger.valueOf(1474));
            margins.setLeft(BigInteger.valueOf(1474));
            margins.setRight(BigInteger.valueOf(1474));
            XWPFParagraph header = doc.createParagraph();
            header.setAlignment(ParagraphAlignment.CENTER);
            header.setBorderBottom(Borders.SINGLE);
            header.setSpacingAfter(400);
            XWPFRun h = run(header, fill(t.get("issuer"), values), TITLE_FONT, 26);
            h.setBold(true);
            h.setColor("C00000");
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, fill(t.get("title"), values), TITLE_FONT, 22).setBold(true);
            XWPFParagraph no = doc.createParagraph();
            no.setAlignment(ParagraphAlignment.CENTER);
            no.setSpacingAfter(400);
            run(no, number, BODY_FONT, 16);
            run(doc.createParagraph(), fill(t.get("addressee"), values), BODY_FONT, 16);
            for (String text : paragraphs) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.BOTH);
                p.setIndentationFirstLine(640);
                p.setSpacingBetween(1.5);
                run(p, text, BODY_FONT, 16);
            }
            XWPFParagraph gap = doc.createParagraph();
            gap.setSpacingBefore(600);
            for (String line : new String[] {fill(t.get("issuer"), values), date}) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.RIGHT);
                p.setIndentationRight(640);
                run(p, line, BODY_FONT, 16);
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
