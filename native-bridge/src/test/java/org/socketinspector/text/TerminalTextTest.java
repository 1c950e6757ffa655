package org.socketinspector.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void controlAndBidiCharactersAreShownNotActedOn() {
        assertThat(TerminalText.escape("a\u001b[2Jb\nc\u0007")).isEqualTo("a\\x1B[2Jb\\x0Ac\\x07");
        assertThat(TerminalText.escape("x\u007f\u0085\u009b")).isEqualTo("x\\x7F\\x85\\x9B");
        assertThat(TerminalText.escape("evil\u202etxt.exe")).isEqualTo("evil\\u202Etxt.exe");
        assertThat(TerminalText.escape("\u2066\u2069\u200f")).isEqualTo("\\u2066\\u2069\\u200F");
        assertThat(TerminalText.escape("tag\udb40\udc01")).isEqualTo("tag\\u{E0001}");
        assertThat(TerminalText.escape("lone\ud800")).isEqualTo("lone\\uD800");
    }

    @Test
    void ordinaryTextPassesUnchanged() {
        for (String plain : new String[] {"nginx: worker process", "C:\\Program Files\\svc.exe", "Überwachung",
                "サービス", "emoji \ud83d\ude00", ""}) {
            assertThat(TerminalText.escape(plain)).isEqualTo(plain);
        }
        assertThat(TerminalText.escape(null)).isEmpty();
        assertThat(TerminalText.escapeKeepingLines("one\ntwo\u001b")).isEqualTo("one\ntwo\\x1B");
    }

    /** Whatever a process is named, its escaped form holds no character a terminal acts on. */
    @Property(tries = 500)
    void escapedTextHasNoControlCharacters(@ForAll String text) {
        String escaped = TerminalText.escape(text);
        assertThat(escaped.codePoints()).noneMatch(cp -> cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)
                || Character.getType(cp) == Character.FORMAT || (cp >= 0xD800 && cp <= 0xDFFF));
        assertThat(TerminalText.isPlain(escaped)).isTrue();
    }
}
