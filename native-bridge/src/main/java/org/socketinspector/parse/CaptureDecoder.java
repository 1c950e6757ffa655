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
 * <p>Order: a BOM decides; else UTF-16 recognised by its NUL bytes; else strict UTF-8; else each OEM page is tried and the one whose text contains the
 * most known netstat words (titles, headers, states from real captures), then the most plausible letters, wins.
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
        Optional<Decoded> bom = byBom(bytes);
        if (bom.isPresent()) {
            return bom.get();
        }
        Optional<Charset> utf16 = utf16WithoutBom(bytes);
        if (utf16.isPresent()) {
            return new Decoded(lenient(bytes, 0, utf16.get()), utf16.get());
        }
        Optional<String> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), StandardCharsets.UTF_8);
        }
        Decoded best = null;
        long bestScore = Long.MIN_VALUE;
        for (Charset page : OEM_PAGES) {
            Optional<String> text = strict(bytes, 0, page);
            if (text.isEmpty()) {
                continue;
            }
            long score = score(text.get());
            if (score > bestScore) {
                best = new Decoded(text.get(), page);
                bestScore = score;
            }
        }
        // IBM850 maps every byte, so best is never null; the fallback is for a JDK without it.
        return best != null ? best : new Decoded(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
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
