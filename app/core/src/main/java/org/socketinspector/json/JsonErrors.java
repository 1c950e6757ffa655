package org.socketinspector.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.regex.Pattern;

/**
 * Jackson's errors in our words: where (line and column, or the field's path) and why, without Java class names,
 * Jackson's source notes or the text of a Java exception inside a record's constructor.
 */
public final class JsonErrors {

    private static final Pattern QUOTED = Pattern.compile("`([^`]*)`");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; ");
    private static final Pattern CONSTRUCT = Pattern.compile("^Cannot construct instance of ([A-Za-z0-9_$]+), problem: ");

    private static final Pattern OUT_OF_RANGE = Pattern.compile(
            "^Numeric value \\((-?\\d+)\\) out of range of \\w+ \\((-?\\d+) - (-?\\d+)\\)");

    private JsonErrors() {
    }

    /** "line 3, column 7: Unexpected end-of-input" or "field sockets[0].localPort: expected a number". */
    public static String describe(JsonProcessingException e) {
        StringBuilder out = new StringBuilder();
        String path = e instanceof JsonMappingException m ? path(m) : "";
        if (!path.isEmpty()) {
            out.append("field $").append(path.startsWith("[") ? "" : ".").append(path).append(": ");
        } else {
            JsonLocation at = e.getLocation();
            if (at != null && at.getLineNr() > 0) {
                out.append("line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(": ");
            }
        }
        out.append(reason(e));
        return out.toString();
    }

    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
        message = SOURCE.matcher(message).replaceAll("[");
        message = QUOTED.matcher(message).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(typeWords(m.group(1))));
        java.util.regex.Matcher range = OUT_OF_RANGE.matcher(message);
        if (range.find()) {
            return range.group(1) + " is out of range (at most " + range.group(3) + ")";
        }
        java.util.regex.Matcher construct = CONSTRUCT.matcher(message);
        if (construct.find()) {
            // A record's constructor refused the values (a Java exception's text follows): say what was refused.
            Throwable cause = e.getCause();
            boolean ours = cause instanceof IllegalArgumentException && cause.getMessage() != null;
            return "invalid " + construct.group(1).toLowerCase(java.util.Locale.ROOT)
                    + (ours ? ": " + cause.getMessage() : ": a required value is missing or has the wrong type");
        }
        return message;
    }

    /** `java.util.ArrayList<...Entry>` -> "a list", `java.lang.Integer` -> "a number", a record -> its name. */
    static String typeWords(String quoted) {
        String outer = quoted.contains("<") ? quoted.substring(0, quoted.indexOf('<')) : quoted;
        String simple = outer.substring(outer.lastIndexOf('.') + 1);
        simple = simple.contains("$") ? simple.substring(simple.lastIndexOf('$') + 1) : simple;
        return switch (simple) {
            case "ArrayList", "List", "Collection", "Set" -> "a list";
            case "Integer", "int", "Long", "long", "Short", "short" -> "a whole number";
            case "Boolean", "boolean" -> "true, false or null";
            case "String" -> "a text";
            case "JsonToken.START_OBJECT", "START_OBJECT" -> "an object";
            case "JsonToken.START_ARRAY", "START_ARRAY" -> "a list";
            default -> simple;
        };
    }

    /** "sockets[0].process.uid", from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
