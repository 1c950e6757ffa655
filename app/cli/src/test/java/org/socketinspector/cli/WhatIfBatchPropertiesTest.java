package org.socketinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.socketinspector.json.Json;

/**
 * The what-if batch answers every line: a question, or {"error": ..., "line": N} for a line that is not one.
 * Random text, truncated and mutated questions and huge fields must never end the batch with an exception.
 */
class WhatIfBatchPropertiesTest {

    private static final String QUESTION = "{\"os\":\"linux\",\"protocol\":\"tcp\",\"port\":8080,"
            + "\"first\":{\"address\":\"0.0.0.0\",\"options\":[\"reuseport\"],\"user\":\"svc\"},"
            + "\"second\":{\"address\":\"127.0.0.1\",\"options\":[\"reuseport\"],\"user\":\"svc\"}}";
    private static final ObjectWriter WRITER = Json.mapper().writer();

    @Property(tries = 80)
    void randomLinesGetAnErrorNamingTheirLine(@ForAll("lines") String line, @ForAll @IntRange(min = 1, max = 99999) int n)
            throws Exception {
        JsonNode answer = answer(line, n);
        if (answer.has("error")) {
            assertThat(answer.path("line").asLong()).isEqualTo(n);
            assertThat(answer.path("error").asText()).doesNotContain("Exception", "java.", "Cannot invoke");
        } else {
            assertThat(answer.path("outcome").asText()).isNotEmpty();
        }
    }

    @Property(tries = 60)
    void truncatedQuestionsAreAnsweredOrRefused(@ForAll @IntRange(min = 0, max = 100) int percent) throws Exception {
        JsonNode answer = answer(QUESTION.substring(0, QUESTION.length() * percent / 100), 7);
        assertThat(answer.has("error") || answer.has("outcome")).isTrue();
        if (percent == 100) {
            assertThat(answer.path("outcome").asText()).isEqualTo("steals"); // same user, both SO_REUSEPORT
        }
    }

    @Property(tries = 60)
    void anyValueInAnyFieldIsAnsweredOrRefused(@ForAll("fields") String field, @ForAll("values") String value)
            throws Exception {
        String line = QUESTION.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\d+|\\[[^]]*])", "\"" + field + "\":" + value);
        JsonNode answer = answer(line, 3);
        assertThat(answer.has("error") || answer.has("outcome")).isTrue();
    }

    private static JsonNode answer(String line, long n) throws Exception {
        String text = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> WhatIfCommand.answer(WRITER, line, n));
        assertThat(text).doesNotContain("\n");
        return Json.mapper().readTree(text);
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,0123456789aeflnrstu ").ofMaxLength(200),
                Arbitraries.strings().ofMinLength(50_000).ofMaxLength(60_000).withChars('x', 'z'));
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("os", "protocol", "port", "address", "options", "user");
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.of("null", "-1", "99999", "4294967295", "1e400", "\"\"", "\"not-an-ip\"", "[]", "{}",
                "[null]", "true", "\"" + "a".repeat(70_000) + "\"", "\"\\u0000\\u001b[2J\"", "[\"bogus\"]");
    }
}
