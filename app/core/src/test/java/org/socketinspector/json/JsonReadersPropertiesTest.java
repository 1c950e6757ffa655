package org.socketinspector.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.socketinspector.model.Family;
import org.socketinspector.model.HostInfo;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SocketOptions;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.RuleEngine;

/**
 * Property-based fuzzing of the JSON readers: a scan or audit document cut anywhere, with a field replaced by a
 * random or huge value, or decoded from random bytes, is read or refused with {@link ScanJson.InvalidJsonException}
 * naming the line or the field; never another exception, never a Java class name, never a hang.
 */
class JsonReadersPropertiesTest {

    private static final String DOCUMENT = ScanJson.write(RuleEngine.audit(sample()));

    @Property(tries = 50)
    void truncatedDocumentsAreRefusedNamingTheLine(@ForAll @IntRange(min = 0, max = 99) int percent) {
        String cut = DOCUMENT.substring(0, DOCUMENT.length() * percent / 100);
        String error = readOrRefuse(cut);
        assertThat(error).isNotNull().containsAnyOf("line ", "expected a JSON object");
    }

    @Property(tries = 60)
    void aFieldWithAnyValueIsReadOrRefusedNamingIt(@ForAll("fields") String field, @ForAll("values") Object value)
            throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(DOCUMENT);
        ObjectNode socket = (ObjectNode) root.path("sockets").get(0);
        socket.set(field, Json.mapper().valueToTree(value));
        String error = readOrRefuse(Json.mapper().writeValueAsString(root));
        if (error != null) {
            assertThat(error).contains("field $");
        }
    }

    @Property(tries = 50)
    void randomBytesAreRefused(@ForAll("bytes") byte[] bytes) {
        readOrRefuse(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Null when read; else the error, checked to be one line in our words. */
    private static String readOrRefuse(String text) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                ScanJson.read(text);
                return null;
            } catch (ScanJson.InvalidJsonException e) {
                assertThat(e.getMessage()).doesNotContain("\n", "Cannot invoke", "java.", "org.socketinspector",
                        "REDACTED", "Exception");
                return e.getMessage();
            }
        });
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("protocol", "family", "localAddress", "localPort", "remoteAddress", "remotePort",
                "state", "pid", "uid", "inode", "options", "process", "probe");
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40), Arbitraries.strings().ofMinLength(70_000)
                        .ofMaxLength(80_000).withChars('a', '9'), Arbitraries.longs(), Arbitraries.integers(),
                Arbitraries.doubles(), Arbitraries.of(true, false), Arbitraries.just(List.of(1, "x")));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
    }

    private static Scan sample() {
        SocketRecord s = new SocketRecord(Protocol.TCP, Family.IPV4, "0.0.0.0", 8080, null, null, "LISTEN", "LISTEN",
                300, null, 1000, 42L, new SocketOptions(true, true, null, null), null);
        return new Scan(Scan.SCHEMA, org.socketinspector.model.ToolInfo.current(), new HostInfo("web01", "linux",
                "6.8", null, null), Instant.parse("2026-11-25T08:00:00Z"), true, List.of("netlink"), List.of(), List.of(s));
    }
}
