package org.capgov.shared.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reading an uploaded table, CSV or .xlsx, whatever its size. {@link #inspect} takes a first look in one streaming
 * pass: its SHA-256 (for the audit entry), its format by content (not by name) and, for CSV, its encoding: valid
 * UTF-8 (with or without BOM) is UTF-8, anything else is read as GBK, whose own decoder then rejects bytes that are
 * not GBK either. {@link #open} then reads its rows one at a time within {@link ReadLimits}. Refusals are
 * {@link UnreadableFileException}s with a Chinese reason.
 */
public final class SpreadsheetUpload {

    public static final Charset GBK = Charset.forName("GBK");
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

    public enum Format { CSV, XLSX }

    /**
     * {@code lineBreaks}: the '\n' bytes of the file; no CSV row number exceeds it by more than one (a quoted cell may
     * hold line breaks, so there may be fewer rows). An import sizes its bulk load by it before reading a row.
     */
    public record Inspection(Format format, String sha256, Charset charset, boolean bom, long size, long lineBreaks) {

        /** "UTF-8", "GBK", or null for an .xlsx: as the job and the audit entry record it. */
        public String charsetName() {
            return charset == null ? null : charset.equals(GBK) ? "GBK" : "UTF-8";
        }
    }

    private SpreadsheetUpload() {
    }

    /** The rows of an inspected file: CSV by FastCSV in its encoding, .xlsx streamed sheet 1. */
    public static RowReader open(Path file, Inspection inspection, ReadLimits limits) throws IOException {
        return inspection.format() == Format.XLSX ? new XlsxRows(file, limits)
                : new CsvRows(file, inspection.charset(), inspection.bom(), limits);
    }

    public static Inspection inspect(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new UnreadableFileException("文件为空", null);
        }
        MessageDigest sha = sha256();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean utf8Valid = true;
        byte[] head = new byte[4];
        int headLength = 0;
        long lineBreaks = 0;
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (InputStream stream = Files.newInputStream(file)) {
            int n;
            while ((n = stream.read(in.array(), in.position(), in.remaining())) >= 0) {
                if (n == 0) {
                    continue;
                }
                sha.update(in.array(), in.position(), n);
                lineBreaks += countLineBreaks(in.array(), in.position(), n);
                for (int i = 0; headLength < 4 && i < n; i++) {
                    head[headLength++] = in.array()[in.position() + i];
                }
                in.position(in.position() + n);
                if (utf8Valid) {
                    in.flip();
                    utf8Valid = decode(utf8, in, out, false);
                    in.compact();
                } else {
                    in.clear();
                }
            }
            if (utf8Valid) {
                in.flip();
                utf8Valid = decode(utf8, in, out, true);
            }
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        if (headLength >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return new Inspection(Format.XLSX, hash, null, false, size, lineBreaks);
        }
        if (headLength >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11) {
            throw new UnreadableFileException("不支持 Excel 97-2003（.xls）格式，请在 Excel 中另存为 .xlsx 或 CSV 后导入", null);
        }
        if (headLength >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            throw new UnreadableFileException("不支持 UTF-16 编码的文本，请另存为 UTF-8 或 GBK 编码的 CSV", null);
        }
        boolean bom = headLength >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (bom && !utf8Valid) {
            throw new UnreadableFileException("文件以 UTF-8 标记开头，但内容不是有效的 UTF-8 编码", null);
        }
        return new Inspection(Format.CSV, hash, utf8Valid ? StandardCharsets.UTF_8 : GBK, bom, size, lineBreaks);
    }

    /** '\n' bytes, eight at a time: a byte of {@code x} is zero exactly where the high bit of {@code y} ends up set. */
    static int countLineBreaks(byte[] bytes, int from, int length) {
        int count = 0;
        int i = from;
        for (int end = from + length - 7; i < end; i += 8) {
            long x = (long) WORDS.get(bytes, i) ^ NEWLINES;
            long y = ~((x & LOW_SEVEN) + LOW_SEVEN | x | LOW_SEVEN);
            count += Long.bitCount(y);
        }
        for (; i < from + length; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private static boolean decode(CharsetDecoder decoder, ByteBuffer in, CharBuffer out, boolean end) {
        while (true) {
            CoderResult r = decoder.decode(in, out, end);
            if (r.isError()) {
                return false;
            }
            out.clear();
            if (r.isUnderflow()) {
                if (end) {
                    return !decoder.flush(out).isError();
                }
                return true;
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
