package org.socketinspector.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The parent's reader of a helper's answers: a Windows helper ends its lines with CRLF (println there). */
class HelperLineTest {

    @Test
    void lfAndCrlfEndALineAndNeitherIsPartOfIt() throws IOException {
        StringReader in = new StringReader("ok\r\nready 12 0\nok 5\r\n\r\nlast");
        assertThat(HelperSide.readLine(in)).isEqualTo("ok");
        assertThat(HelperSide.readLine(in)).isEqualTo("ready 12 0");
        assertThat(HelperSide.readLine(in)).isEqualTo("ok 5");
        assertThat(HelperSide.readLine(in)).isEmpty();
        assertThat(HelperSide.readLine(in)).isEqualTo("last");
        assertThat(HelperSide.readLine(in)).isNull();
    }

    @Test
    void aCarriageReturnInsideALineStays() throws IOException {
        assertThat(HelperSide.readLine(new StringReader("error helper EINVAL 22 a\rb\n"))).isEqualTo(
                "error helper EINVAL 22 a\rb");
    }

    @Test
    void aLineLongerThanTheLimitIsRefused() {
        String longLine = "x".repeat(HelperSide.MAX_LINE + 1) + "\n";
        assertThatThrownBy(() -> HelperSide.readLine(new StringReader(longLine))).isInstanceOf(IOException.class);
    }
}
