package org.socketinspector.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Turns the bytes of a capture into text in the encodings Windows and Unix tools write: UTF-8 (with or without
 * BOM), UTF-16 LE/BE with BOM (PowerShell's {@code >}), and the OEM code pages of cmd.exe: 437, 850, 866, 932, 936.
 *
 * <p>Order ({@link #sniff}): a BOM decides; else UTF-16 recognised by its NUL bytes; else UTF-8, unless a Windows
 * capture's bytes are mostly not UTF-8: then each OEM page is tried and the one whose text contains the most known
 * netstat words (titles, headers, states from real captures), then the most plausible letters, wins. A few bad bytes
 * never re-encode a UTF-8 file: they become U+FFFD.
 * The plausibility score is what separates pages that decode anything: CP866 Cyrillic read as CP850 turns into
 * box-drawing characters, GBK read as Shift_JIS into half-width katakana.
 */
public final class CaptureDecoder {

    /** The text and the charset it was read in. */
    public record Decoded(String text, Charset charset) {
    }

    /** Candidate OEM pages, the likelier first (ties go to the earlier one). */
    static final List<Charset> OEM_PAGES = List.of(
            Charset.forName("IBM850"), Charset.forName("IBM437"), Charset.forName("IBM866"),
            Charset.forName("windows-31j"), Charset.forName("GBK"));

    /**
     * Words that real netstat captures contain (docs/import.md lists their evidence). Used only to pick a code
     * page, so one word per language that has non-ASCII letters is enough.
     */
    private static final List<String> KNOWN_WORDS = List.of(
            "ABHÖREN", "Aktive Verbindungen", "Lokale Adresse",
            "Dirección", "información", "État", "propriétaire", "Conexões", "Endereço",
            "Активные подключения", "Имя", "Локальный адрес", "Внешний адрес", "Состояние",
            "活动连接", "协议", "本地地址", "外部地址", "状态");

    private CaptureDecoder() {
    }

    public static Decoded decode(byte[] bytes) {
        Charset charset = sniff(bytes, bytes.length);
        int bom = bomLength(bytes, charset);
        return new Decoded(lenient(bytes, bom, charset), charset);
    }

    /**
     * The charset of a capture from its first bytes (a sample: the importer streams the rest).
     *
     * <p>A BOM decides; then UTF-16 by its NUL bytes; then UTF-8 unless the text is a Windows netstat capture whose
     * bytes are mostly not UTF-8. One bad byte in an otherwise UTF-8 file (a process name an attacker chose) must not
     * re-encode the whole file: the file stays UTF-8 and that byte becomes U+FFFD. The OEM code pages are only
     * candidates for Windows captures (cmd.exe writes them; Linux and macOS tools do not), and only when invalid UTF-8
     * sequences outnumber valid multi-byte ones.
     *
     * @param length how many bytes of {@code sample} are the file's first bytes
     */
    public static Charset sniff(byte[] sample, int length) {
        byte[] b = length == sample.length ? sample : java.util.Arrays.copyOf(sample, length);
        Optional<Decoded> bom = byBom(b.length > 4 ? java.util.Arrays.copyOf(b, 4) : b);
        if (bom.isPresent()) {
            return bom.get().charset();
        }
        Optional<Charset> utf16 = utf16WithoutBom(b);
        if (utf16.isPresent()) {
            return utf16.get();
        }
        int[] utf8 = utf8Counts(b);
        int validMultiByte = utf8[0];
        int invalid = utf8[1];
        if (invalid == 0) {
            return StandardCharsets.UTF_8;
        }
        String latin = new String(b, StandardCharsets.ISO_8859_1);
        boolean windows;
        try {
            windows = CaptureDetector.detect(latin, "sample") == CaptureFormat.NETSTAT_WINDOWS;
        } catch (CaptureParseException e) {
            windows = true; // unknown format: let the code-page scoring decide, as before
        }
        if (!windows || validMultiByte >= invalid) {
            return StandardCharsets.UTF_8;
        }
        Charset best = null;
        long bestScore = Long.MIN_VALUE;
        for (Charset page : OEM_PAGES) {
            Optional<String> text = strict(b, 0, page);
            if (text.isEmpty()) {
                continue;
            }
            long score = score(text.get());
            if (score > bestScore) {
                best = page;
                bestScore = score;
            }
        }
        // IBM850 maps every byte, so best is never null; the fallback is for a JDK without it.
        return best != null ? best : StandardCharsets.ISO_8859_1;
    }

    /** Valid multi-byte UTF-8 sequences and invalid bytes; a sequence cut by the end of the sample is neither. */
    static int[] utf8Counts(byte[] b) {
        int valid = 0;
        int invalid = 0;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int need = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            if (need == 0) {
                i++;
                continue;
            }
            if (need < 0) {
                invalid++;
                i++;
                continue;
            }
            if (i + need >= b.length) {
                break; // cut by the end of the sample
            }
            boolean ok = true;
            for (int k = 1; k <= need; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                valid++;
                i += need + 1;
            } else {
                invalid++;
                i++;
            }
        }
        return new int[] {valid, invalid};
    }

    /** Bytes of a BOM at the start of {@code b} for that charset (0 if none). */
    static int bomLength(byte[] b, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB
                && (b[2] & 0xff) == 0xBF) {
            return 3;
        }
        if (b.length >= 2 && (charset.equals(StandardCharsets.UTF_16LE) && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE
                || charset.equals(StandardCharsets.UTF_16BE) && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF)) {
            return 2;
        }
        return 0;
    }

    private static Optional<Decoded> byBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return Optional.of(new Decoded(lenient(b, 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return Optional.of(new Decoded(lenient(b, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE));
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return Optional.of(new Decoded(lenient(b, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE));
        }
        return Optional.empty();
    }

    /**
     * UTF-16 written without a BOM: NUL is valid UTF-8, so strict UTF-8 would accept it. Netstat text is mostly
     * ASCII, so in UTF-16 LE nearly every odd byte is 0 and the even ones are not (BE: the other way round).
     */
    private static Optional<Charset> utf16WithoutBom(byte[] b) {
        int pairs = Math.min(b.length / 2, 4096);
        if (pairs < 8) {
            return Optional.empty();
        }
        int zeroOdd = 0;
        int zeroEven = 0;
        for (int i = 0; i < pairs; i++) {
            zeroEven += b[2 * i] == 0 ? 1 : 0;
            zeroOdd += b[2 * i + 1] == 0 ? 1 : 0;
        }
        if (zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.05) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.05) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** After a BOM the encoding is known; a broken byte becomes U+FFFD and the parser reports its line. */
    private static String lenient(byte[] bytes, int offset, Charset charset) {
        return new String(bytes, offset, bytes.length - offset, charset);
    }

    static long score(String text) {
        long score = 0;
        for (String word : KNOWN_WORDS) {
            if (text.contains(word)) {
                score += 1_000_000;
            }
        }
        for (int i = 0; i < text.length(); i++) {
            score += plausibility(text.charAt(i));
        }
        return score;
    }

    private static int plausibility(char c) {
        if (c < 0x80) {
            return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' ? -5 : 0;
        }
        if (c >= 0xFF61 && c <= 0xFF9F) {
            return -3; // half-width katakana: what GBK bytes become in Shift_JIS
        }
        if (c >= 0x2500 && c <= 0x25FF || c >= 0xE000 && c <= 0xF8FF || c == 0xFFFD) {
            return -3; // box drawing, blocks, private use
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        if (block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS) {
            return 4; // one character from two bytes: weighs as much as two plausible single-byte letters
        }
        if (block == Character.UnicodeBlock.CYRILLIC
                || block == Character.UnicodeBlock.LATIN_1_SUPPLEMENT && Character.isLetter(c)) {
            return 2;
        }
        return Character.isLetter(c) ? 0 : -1;
    }
}
