package org.socketinspector.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.socketinspector.model.EndpointNames;
import org.socketinspector.model.Family;
import org.socketinspector.model.NamespaceInfo;
import org.socketinspector.model.NetNs;
import org.socketinspector.model.Protocol;
import org.socketinspector.model.Scan;
import org.socketinspector.model.SkippedLine;
import org.socketinspector.model.SocketOption;
import org.socketinspector.model.SocketRecord;
import org.socketinspector.rules.Attacker;
import org.socketinspector.rules.FindingSubject;
import org.socketinspector.rules.Severity;
import org.socketinspector.semantics.BindOption;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;
import org.socketinspector.semantics.Outcome;

/**
 * The one Jackson configuration of the project: records are written field by field (so helper methods such as
 * {@code isListening()} never leak into the contract), enums by their wire names, instants as ISO-8601 text,
 * nulls kept (the contract says "null, never false").
 */
public final class Json {

    private static final ObjectMapper MAPPER = create(false);
    private static final ObjectMapper PRETTY = create(true);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper pretty() {
        return PRETTY;
    }

    /** Deeper than any document of ours (a scan is 5 levels deep); a hostile one stops here, not at Jackson's 1000. */
    public static final int MAX_NESTING = 200;

    private static ObjectMapper create(boolean pretty) {
        // A duplicate key is refused, not "last one wins": one duplicate "findings" hid 16 findings (issue 18 #10).
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(wireNames());
        mapper.setVisibility(PropertyAccessor.ALL, Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // Additions to scan/1 appear only when they carry something, so live scans print exactly as before.
        mapper.addMixIn(SocketRecord.class, SocketRecordAdditions.class);
        mapper.addMixIn(Scan.class, ScanAdditions.class);
        mapper.addMixIn(FindingSubject.class, FindingSubjectAdditions.class);
        if (pretty) {
            mapper.enable(SerializationFeature.INDENT_OUTPUT);
        }
        return mapper;
    }

    /** scan/1 additions of imports: {@code names} on a socket, only when the capture printed names. */
    abstract static class SocketRecordAdditions {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        EndpointNames names;
    }

    /**
     * scan/1 additions of imports: {@code skipped} lines, only when there are some; scan/2's {@code namespaces}, only
     * when the scan holds namespaces other than the collector's (a scan of one namespace prints as before).
     */
    abstract static class ScanAdditions {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<SkippedLine> skipped;
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<NamespaceInfo> namespaces;
    }

    /** audit/2: a finding's {@code netns}, only when its scan spans several namespaces. */
    abstract static class FindingSubjectAdditions {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        NetNs netns;
    }

    private static SimpleModule wireNames() {
        SimpleModule module = new SimpleModule("socket-inspector-wire-names");
        wire(module, Protocol.class, Protocol::wireName, Protocol::fromWireName);
        wire(module, Family.class, Family::wireName, Family::fromWireName);
        wire(module, Severity.class, Severity::wireName, Severity::fromWireName);
        wire(module, Attacker.class, Attacker::wireName, Attacker::fromWireName);
        wire(module, OsFamily.class, OsFamily::wireName, OsFamily::fromWireName);
        wire(module, BindOption.class, BindOption::wireName, BindOption::fromWireName);
        wire(module, BindState.class, BindState::wireName, BindState::fromWireName);
        wire(module, SocketOption.class, SocketOption::wireName, SocketOption::fromWireName);
        wire(module, Outcome.class, Outcome::wireName, text -> Outcome.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT)));
        return module;
    }

    private static <E> void wire(SimpleModule module, Class<E> type, Function<E, String> write, Function<String, E> read) {
        module.addSerializer(type, new JsonSerializer<E>() {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<E>() {
            @Override
            public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return read.apply(text);
                } catch (IllegalArgumentException e) {
                    return ctxt.reportInputMismatch(type, "invalid %s '%s'", type.getSimpleName(), text);
                }
            }
        });
    }
}
