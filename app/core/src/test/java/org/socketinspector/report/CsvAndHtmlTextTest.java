package org.socketinspector.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketinspector.json.ScanJson;
import org.socketinspector.rules.Audit;

class CsvAndHtmlTextTest {

    @Test
    void csvRowsAreRfc4180WithCrlfAndQuotingOnlyWhenNeeded() throws Exception {
        StringWriter out = new StringWriter();
        Csv.row(out, Arrays.asList("plain", "a,b", "say \"hi\"", "two\nlines", null, 42, true, "=1+1", "-x", " ok"));
        assertThat(out.toString()).isEqualTo(
                "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,42,true,'=1+1,'-x, ok\r\n");
    }

    @Test
    void htmlKeepsRealTextAndShowsWhatWouldActOnIt() {
        assertThat(Html.escape("Grüße, 日本, ∞ 😀")).isEqualTo("Grüße, 日本, ∞ 😀");
        assertThat(Html.escape("a\u200Bb\u2066c\uD800d")).isEqualTo("a\\u200Bb\\u2066c\\uD800d");
        assertThat(Html.escape("<a href='x'>&")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;");
        assertThat(Html.display("x".repeat(10), 4)).startsWith("xxxx… [6 more characters");
        // A cut never splits a surrogate pair.
        assertThat(Html.display("abc😀def", 4)).startsWith("abc… [5 more");
    }

    @Test
    void aFindingWithoutASocketIsAClearErrorNamingIt() throws Exception {
        String json = ScanJson.write(ReportFixtures.demo()).replaceFirst("\"socket\" : \\{[^}]*\\}", "\"socket\" : null");
        // Refused when read (the published schema requires the socket), naming the field's JSON path.
        assertThatThrownBy(() -> ScanJson.read(json))
                .hasMessage("field $.findings[0].socket: null found, object expected");
    }
}
