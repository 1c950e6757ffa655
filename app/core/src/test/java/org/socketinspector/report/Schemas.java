package org.socketinspector.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** The published JSON Schemas in docs/schema, loaded from the checkout so that the test checks what we publish. */
final class Schemas {

    static final String BASE = "https://socketinspector.org/schema/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, directory().toUri().toString())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private Schemas() {
    }

    static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs/schema"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/schema not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs/schema");
    }

    /** The validation errors of a document against docs/schema/NAME, as one string each; empty when valid. */
    static Set<String> errors(String name, JsonNode document) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + name), CONFIG);
        Set<ValidationMessage> messages = schema.validate(document);
        return messages.stream().map(ValidationMessage::toString).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
