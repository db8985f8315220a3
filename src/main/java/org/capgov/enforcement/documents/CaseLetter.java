package org.capgov.enforcement.documents;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The layout of an official letter (党政机关公文格式, GB/T 9704 in outline): the issuer's name in red over a red rule,
 * the title in 小标宋 二号, the document number, the addressee flush left, body paragraphs in 仿宋 三号 with a
 * two-character first-line indent, and the issuer and date flush right. A4 with the standard margins.
 */
final class CaseLetter {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final int BODY_SIZE = 16;
    /** Twips (1/20 pt): 28 mm top, 26 mm left, 37 mm / 35 mm bottom and right, as GB/T 9704 lays out A4. */
    private static final long TOP = 1587;
    private static final long LEFT = 1474;
    private static final long BOTTOM = 1474;
    private static final long RIGHT = 1474;

    private final XWPFDocument doc = new XWPFDocument();

    CaseLetter() {
        var body = doc.getDocument().getBody();
        CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        section.addNewPgSz().setW(BigInteger.valueOf(11906));
        section.getPgSz().setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(TOP));
        margins.setBottom(BigInteger.valueOf(BOTTOM));
        margins.setLeft(BigInteger.valueOf(LEFT));
        margins.setRight(BigInteger.valueOf(RIGHT));
    }

    void header(String issuer) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setBorderBottom(Borders.SINGLE);
        p.setSpacingAfter(400);
        XWPFRun r = run(p, issuer, TITLE_FONT, 26);
        r.setBold(true);
        r.setColor("C00000");
    }

    void title(String title) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(200);
        run(p, title, TITLE_FONT, 22).setBold(true);
    }

    void number(String number) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(400);
        run(p, number, BODY_FONT, BODY_SIZE);
    }

    void addressee(String addressee) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.LEFT);
        run(p, addressee, BODY_FONT, BODY_SIZE);
    }

    void paragraph(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        // two characters of 三号 (16 pt = 320 twips each)
        p.setIndentationFirstLine(640);
        p.setSpacingBetween(1.5);
        run(p, text, BODY_FONT, BODY_SIZE);
    }

    void signature(String issuer, String date) {
        XWPFParagraph gap = doc.createParagraph();
        gap.setSpacingBefore(600);
        for (String line : new String[] {issuer, date}) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.RIGHT);
            p.setIndentationRight(640);
            run(p, line, BODY_FONT, BODY_SIZE);
        }
    }

    void footer(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(600);
        p.setBorderTop(Borders.SINGLE);
        run(p, text, BODY_FONT, 10);
    }

    XWPFDocument document() {
        return doc;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        // the East Asian slot is the one Word uses for Chinese characters
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        return r;
    }
}
