package org.socketinspector.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketRecord;

/** Issue 18 #10 at the source: Jackson's errors through the one mapper, in our words and placed. */
class JsonErrorsTest {

    private static final Pattern JAVA = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]|Exception|\\(\\)|[A-Z_]{6,}");

    @Test
    void jacksonsLimitsAndNonStandardTokensAreSaidPlainlyWithTheirPlace() {
        String deep = "{\"a\": " + "[".repeat(250) + "]".repeat(250) + "}";
        assertThat(tree(deep)).isEqualTo("line 1, column 207: nesting deeper than 200");
        assertThat(tree("{\n  \"port\": NaN}")).isEqualTo("line 2, column 14: not a number: NaN");
        assertThat(tree("{\"port\": " + "1".repeat(1500) + "}")).matches("line 1, column \\d+: number too long \\(more than 1000 digits\\)");
        assertThat(tree("{\"a\": 1,\n \"a\": 2}")).matches("line 2, column \\d+: duplicate key \"a\" .*");
    }

    @Test
    void aDuplicateKeyNamedWithControlCharactersStaysOneLine() {
        String message = tree("{\"a\\nb\\u001b\": 1, \"a\\nb\\u001b\": 2}");
        assertThat(message).doesNotContain("\n", "\u001b").contains("duplicate key \"a\\x0Ab\\x1B\"");
    }

    @Test
    void aTimestampThatIsNotOneSaysSoAtItsField() {
        String message = bind("{\"schema\": \"x\", \"collectedAt\": \"yesterday\"}", Scan.class);
        assertThat(message).startsWith("field $.collectedAt: not a timestamp: \"yesterday\"");
    }

    @Test
    void noMessageNamesJavaWhateverJacksonSaid() {
        List<String> messages = List.of(
                bind("{\"localPort\": \"eighty\"}", SocketRecord.class),
                bind("{\"sockets\": {\"x\": 1}}", Scan.class),
                bind("[1, 2]", SocketRecord.class),
                bind("{\"localPort\": 1.5e400}", SocketRecord.class),
                tree("{\"a\": tru}"),
                tree("{\"a\": 'single'}"),
                tree("{\"a\": 1"));
        for (String message : messages) {
            assertThat(JAVA.matcher(message).find()).as(message).isFalse();
            assertThat(message.lines()).as(message).hasSize(1);
        }
    }

    @Test
    void javaWordsAreFoundOutsideTheDocumentsOwnText() {
        assertThat(JsonErrors.javaWords("Cannot deserialize value of type `java.time.Instant`")).isTrue();
        assertThat(JsonErrors.javaWords("Document nesting depth (201) exceeds (from getMaxNestingDepth())")).isTrue();
        assertThat(JsonErrors.javaWords("unknown OS 'WINDOWS_SERVER' (expected windows)")).isFalse();
    }

    private static String tree(String text) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> Json.mapper().readTree(text));
        assertThat(e).as(text).isNotNull();
        return JsonErrors.describe(e, text);
    }

    private static String bind(String text, Class<?> type) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> Json.mapper().readValue(text, type));
        assertThat(e).as(text).isNotNull();
        return JsonErrors.describe(e, text);
    }
}
