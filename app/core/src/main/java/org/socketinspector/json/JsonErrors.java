package org.socketinspector.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
        return describe(e, null);
    }

    /**
     * Like {@link #describe(JsonProcessingException)}, with the document read: an error Jackson raises without a place
     * (its limits: nesting deeper than {@link Json#MAX_NESTING}) is placed by reading the text again up to it.
     */
    public static String describe(JsonProcessingException e, String text) {
        StringBuilder out = new StringBuilder();
        String path = e instanceof JsonMappingException m ? path(m) : "";
        if (!path.isEmpty()) {
            out.append("field $").append(path.startsWith("[") ? "" : ".").append(path).append(": ");
        } else {
            JsonLocation at = e.getLocation();
            if ((at == null || at.getLineNr() <= 0) && text != null) {
                at = failingLocation(text);
            }
            if (at != null && at.getLineNr() > 0) {
                out.append("line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(": ");
            }
        }
        out.append(reason(e));
        return out.toString();
    }

    /** A Jackson limit: "Document nesting depth (201) exceeds the maximum allowed (200, from `...`)". */
    private static final Pattern LIMIT = Pattern.compile("^(\\w[\\w ]*?) \\(\\d+\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern NON_NUMBER = Pattern.compile("^Non-standard token '([^']{0,40})'");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:field|Object property) '(.*)'$", Pattern.DOTALL);
    /** What Java's and Jackson's own texts look like: a package, an exception, a method call, a constant. */
    static final Pattern JAVA_WORDS = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]|Exception|\\(\\)|[A-Z_]{6,}|\\$|`");
    /** Text the document chose, quoted in a message ('NaN', "key"): not Java's words, whatever its letters. */
    private static final Pattern QUOTED_INPUT = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final int SHOWN = 60;

    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return limit(message);
        }
        java.util.regex.Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            return "duplicate key \"" + shown(duplicate.group(1)) + "\" (a key may appear once in an object)";
        }
        java.util.regex.Matcher nonNumber = NON_NUMBER.matcher(message);
        if (nonNumber.find()) {
            return "not a number: " + shown(nonNumber.group(1));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null
                && m.getTargetType().getName().startsWith("java.time.")) {
            Object value = e instanceof InvalidFormatException f ? f.getValue() : null;
            return "not a timestamp" + (value == null ? " (expected ISO-8601 text such as 2026-01-31T12:00:00Z)"
                    : ": \"" + shown(String.valueOf(value)) + "\" (expected ISO-8601 text such as 2026-01-31T12:00:00Z)");
        }
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
            boolean ours = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    && !javaWords(cause.getMessage());
            return "invalid " + construct.group(1).toLowerCase(java.util.Locale.ROOT)
                    + (ours ? ": " + cause.getMessage() : ": a required value is missing or has the wrong type");
        }
        message = message.lines().findFirst().orElse("").strip();
        return javaWords(message) ? plain(e) : message;
    }

    /** Where a streaming read of the text stops, or null when it does not. */
    private static JsonLocation failingLocation(String text) {
        try (com.fasterxml.jackson.core.JsonParser parser = Json.mapper().getFactory().createParser(text)) {
            try {
                while (parser.nextToken() != null) {
                    parser.finishToken(); // numbers and texts are checked against the limits when read in full
                }
                return null;
            } catch (JsonProcessingException e) {
                return parser.currentLocation();
            }
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Jackson's limits in our words: "nesting deeper than 200", "number too long (more than 1000 digits)". */
    private static String limit(String message) {
        java.util.regex.Matcher m = LIMIT.matcher(message);
        if (!m.find()) {
            return "the document is larger than this tool reads";
        }
        String max = m.group(2);
        return switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
            case "document nesting depth" -> "nesting deeper than " + max;
            case "number value length" -> "number too long (more than " + max + " digits)";
            case "string value length" -> "text too long (more than " + max + " characters)";
            case "name length" -> "key too long (more than " + max + " characters)";
            case "document length" -> "document too long (more than " + max + " characters)";
            case "token count" -> "too many values (more than " + max + ")";
            default -> "the document is larger than this tool reads";
        };
    }

    /** A message that still names Java's or Jackson's internals: said by kind instead. */
    private static String plain(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String expected = typeWords(m.getTargetType().getName());
            return javaWords(expected) || expected.equals(m.getTargetType().getSimpleName())
                    ? "a value of the wrong type" : "expected " + expected;
        }
        return e instanceof JsonMappingException ? "a value of the wrong type" : "not valid JSON";
    }

    /** Whether a message has Java's words in it, leaving aside the text the document itself chose. */
    static boolean javaWords(String message) {
        return JAVA_WORDS.matcher(QUOTED_INPUT.matcher(message).replaceAll("''")).find();
    }

    /** Text of the document in a message: control characters shown, and cut. */
    private static String shown(String text) {
        String cut = text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
        return org.socketinspector.text.TerminalText.escape(cut);
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
