package org.capgov.monitoring;

import com.github.pjfanning.xlsx.StreamingReader;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Iterator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The rows of an uploaded measurement file, one at a time, whatever its size: CSV in UTF-8 (with or without BOM) or
 * else GBK, read by FastCSV through a decoder that refuses invalid bytes; or the first sheet of an .xlsx, streamed
 * by excel-streaming-reader. The format is told by content, not by name. Row numbers are those a spreadsheet shows
 * (the header is row 1); formula cells of an .xlsx come back as "=…" so that the import refuses them.
 */
final class MeasurementImportFile implements Closeable {

    static final Charset GBK = Charset.forName("GBK");
    private static final int MAX_FIELD = 1 << 20;
    private static final int MAX_COLUMNS = 64;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A file that cannot be read at all; the reason is Chinese. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** One row: its number and cells (null for an empty cell). */
    record Line(long number, String[] cells) {
        boolean blank() {
            for (String c : cells) {
                if (c != null && !c.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    private final String format;
    private final String sha256;
    private final Charset charset;
    private CsvReader<CsvRecord> csv;
    private CloseableIterator<CsvRecord> records;
    private Workbook workbook;
    private Iterator<Row> rows;
    private long number;

    private MeasurementImportFile(String format, String sha256, Charset charset) {
        this.format = format;
        this.sha256 = sha256;
        this.charset = charset;
    }

    static MeasurementImportFile open(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new Unreadable("文件为空", null);
        }
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            MeasurementImportFile f = new MeasurementImportFile("XLSX", sha256(file), null);
            f.openXlsx(file);
            return f;
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11) {
            throw new Unreadable("不支持 Excel 97-2003（.xls）格式，请另存为 .xlsx 或 CSV 后导入", null);
        }
        if (n >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            throw new Unreadable("不支持 UTF-16 编码的文本，请另存为 UTF-8 或 GBK 编码的 CSV", null);
        }
        boolean bom = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        String[] hash = new String[1];
        boolean utf8 = validUtf8(file, hash);
        if (bom && !utf8) {
            throw new Unreadable("文件以 UTF-8 标记开头，但内容不是有效的 UTF-8 编码", null);
        }
        MeasurementImportFile f = new MeasurementImportFile("CSV", hash[0], utf8 ? StandardCharsets.UTF_8 : GBK);
        f.openCsv(file, bom);
        return f;
    }

    String format() {
        return format;
    }

    String sha256() {
        return sha256;
    }

    /** "UTF-8", "GBK", or null for an .xlsx. */
    String charsetName() {
        return charset == null ? null : charset.equals(GBK) ? "GBK" : "UTF-8";
    }

    /** The next row (blank rows included so that numbers follow the file), or null at the end. */
    Line next() {
        return csv != null ? nextCsv() : nextXlsx();
    }

    private void openCsv(Path file, boolean bom) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (bom) {
            in.skipNBytes(3);
        }
        InputStreamReader text = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        csv = CsvReader.builder().skipEmptyLines(false).allowExtraFields(true).allowMissingFields(true)
                .maxBufferSize(MAX_FIELD).ofCsvRecord(text);
        records = csv.iterator();
    }

    private Line nextCsv() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord r = records.next();
            number++;
            return new Line(number, r.getFields().toArray(new String[0]));
        } catch (CsvParseException e) {
            throw new Unreadable("第 " + (number + 1) + " 行附近无法解析：单元格过长，或引号未成对闭合", e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new Unreadable("第 " + (number + 1) + " 行附近的字节不是有效的 " + charsetName()
                        + " 编码；请另存为 UTF-8 或 GBK 编码的 CSV", e);
            }
            throw e;
        }
    }

    private void openXlsx(Path file) {
        try {
            workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(16 * 1024).setReadComments(false)
                    .setReadHyperlinks(false).setReadShapes(false).open(file.toFile());
            if (workbook.getNumberOfSheets() == 0) {
                throw new Unreadable("工作簿中没有工作表", null);
            }
            rows = workbook.getSheetAt(0).rowIterator();
        } catch (Unreadable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Unreadable("无法读取 xlsx 文件：文件已损坏、设有密码，或不是 Excel 2007 及以上版本的工作簿", e);
        }
    }

    private Line nextXlsx() {
        try {
            if (!rows.hasNext()) {
                return null;
            }
            Row row = rows.next();
            String[] cells = new String[Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS)];
            for (Cell cell : row) {
                if (cell.getColumnIndex() < cells.length) {
                    cells[cell.getColumnIndex()] = text(cell);
                }
            }
            return new Line(row.getRowNum() + 1L, cells);
        } catch (RuntimeException e) {
            throw new Unreadable("xlsx 文件内容无法解析（文件可能已损坏）", e);
        }
    }

    private static String text(Cell cell) {
        CellType type = cell.getCellType();
        return switch (type) {
            case FORMULA -> "=" + formula(cell);
            case ERROR -> "=#错误值";
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? moment(cell.getLocalDateTimeCellValue())
                    : number(cell.getNumericCellValue());
            default -> null;
        };
    }

    /** A date cell as the date, or as date and time when it has a time of day. */
    private static String moment(LocalDateTime t) {
        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.format(MOMENT);
    }

    private static String formula(Cell cell) {
        try {
            return cell.getCellFormula();
        } catch (RuntimeException e) {
            return "…";
        }
    }

    /** A number as typed: 350 not 350.0, 0.14 not 1.4E-1. */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
        if (workbook != null) {
            workbook.close();
        }
    }

    /** One pass: is the whole file valid UTF-8, and its SHA-256 (for the audit entry). */
    private static boolean validUtf8(Path file, String[] hash) throws IOException {
        MessageDigest sha = digest();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean valid = true;
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (InputStream stream = Files.newInputStream(file)) {
            int n;
            while ((n = stream.read(in.array(), in.position(), in.remaining())) >= 0) {
                sha.update(in.array(), in.position(), n);
                in.position(in.position() + n);
                in.flip();
                valid = valid && decode(utf8, in, out, false);
                if (valid) {
                    in.compact();
                } else {
                    in.clear();
                }
            }
            in.flip();
            valid = valid && decode(utf8, in, out, true) && !utf8.flush(out).isError();
        }
        hash[0] = HexFormat.of().formatHex(sha.digest());
        return valid;
    }

    private static boolean decode(CharsetDecoder decoder, ByteBuffer in, CharBuffer out, boolean end) {
        while (true) {
            CoderResult r = decoder.decode(in, out, end);
            out.clear();
            if (r.isError()) {
                return false;
            }
            if (r.isUnderflow()) {
                return true;
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
