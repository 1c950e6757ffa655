package org.socketinspector.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import org.socketinspector.model.Protocol;
import org.socketinspector.semantics.BindAnswer;
import org.socketinspector.semantics.BindEndpoint;
import org.socketinspector.semantics.BindOption;
import org.socketinspector.semantics.BindQuestion;
import org.socketinspector.semantics.BindState;
import org.socketinspector.semantics.OsFamily;

/**
 * The what-if wire format (issue 7): a question object in, an answer object out. A question may also carry an
 * optional {@code "port"} (privileged ports below 1024 need root on Linux and FreeBSD). {@code first.state} is
 * listen or bound, time-wait (TCP: only TIME_WAIT connections of a closed server) or connected (UDP). Bad input is an
 * {@link IllegalArgumentException} whose message names the field.
 */
public final class BindQuestionJson {

    /** The user of an endpoint that names none: both sockets then belong to the same account. */
    public static final String DEFAULT_USER = "user";

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private BindQuestionJson() {
    }

    public static BindQuestion read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object with os, protocol, first and second");
        }
        OsFamily os;
        try {
            os = OsFamily.fromWireName(text(node, "os"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field \"os\": " + e.getMessage()); // every error names its field
        }
        Protocol protocol;
        try {
            protocol = Protocol.fromWireName(text(node, "protocol"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field \"protocol\": expected tcp or udp, found \""
                    + node.get("protocol").asText() + "\"");
        }
        BindEndpoint first = endpoint(node, "first", protocol, true);
        BindEndpoint second = endpoint(node, "second", protocol, false);
        JsonNode port = node.get("port");
        if (port != null && !port.isNull() && (!port.canConvertToInt() || port.asInt() < 1 || port.asInt() > 65535)) {
            throw new IllegalArgumentException("field \"port\": expected a number from 1 to 65535, found " + port);
        }
        return new BindQuestion(os, protocol, first, second, port == null || port.isNull() ? null : port.asInt());
    }

    public static ObjectNode write(BindAnswer answer) {
        return Json.mapper().valueToTree(answer);
    }

    /** The text of a user-typed endpoint, e.g. {@code 127.0.0.1,reuseaddr}: address then options. */
    public static BindEndpoint endpoint(String spec, String user, BindState state, Protocol protocol, String field) {
        String[] parts = spec.split(",");
        Set<BindOption> options = EnumSet.noneOf(BindOption.class);
        for (int i = 1; i < parts.length; i++) {
            options.add(option(parts[i], field));
        }
        return build(parts[0].trim(), options, user, state, protocol, field);
    }

    private static BindEndpoint endpoint(JsonNode root, String field, Protocol protocol, boolean first) {
        JsonNode node = root.get(field);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("field \"" + field + "\": expected an object with address, options, user");
        }
        String address = text(node, "address", field + ".address");
        Set<BindOption> options = EnumSet.noneOf(BindOption.class);
        JsonNode list = node.get("options");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException("field \"" + field + ".options\": expected a list of option names");
            }
            for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
                options.add(option(it.next().asText(), field + ".options"));
            }
        }
        JsonNode userNode = node.get("user");
        String user = userNode == null || userNode.isNull() ? DEFAULT_USER : userNode.asText();
        BindState state = null;
        JsonNode stateNode = node.get("state");
        if (stateNode != null && !stateNode.isNull()) {
            if (!first) {
                throw new IllegalArgumentException("field \"second.state\": the second socket is the one binding now;"
                        + " it has no state");
            }
            try {
                state = BindState.fromWireName(stateNode.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field \"first.state\": expected listen, bound, time-wait or"
                        + " connected, found \"" + stateNode.asText() + "\"");
            }
        }
        return build(address, options, user, first ? state : BindState.BOUND, protocol, field);
    }

    private static BindEndpoint build(String address, Set<BindOption> options, String user, BindState state,
                                      Protocol protocol, String field) {
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException("field \"" + field + ".address\": \"" + address
                    + "\" is not an IPv4 or IPv6 address");
        }
        if (address.indexOf(':') < 0 && (options.contains(BindOption.V6ONLY) || options.contains(BindOption.DUALSTACK))) {
            throw new IllegalArgumentException("field \"" + field + "\": v6only and dualstack apply to IPv6 addresses only");
        }
        if (options.contains(BindOption.V6ONLY) && options.contains(BindOption.DUALSTACK)) {
            throw new IllegalArgumentException("field \"" + field + "\": v6only and dualstack exclude each other");
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("field \"" + field + ".user\": empty user name");
        }
        BindState effective = state != null ? state : protocol == Protocol.TCP ? BindState.LISTEN : BindState.BOUND;
        if (protocol == Protocol.UDP && effective == BindState.LISTEN) {
            throw new IllegalArgumentException("field \"" + field + ".state\": a UDP socket cannot listen");
        }
        if (!effective.validFor(protocol == Protocol.TCP)) {
            throw new IllegalArgumentException("field \"" + field + ".state\": " + effective.wireName()
                    + (protocol == Protocol.TCP ? " applies to UDP sockets" : " applies to TCP sockets"));
        }
        return new BindEndpoint(address, options, user, effective);
    }

    private static BindOption option(String name, String field) {
        try {
            return BindOption.fromWireName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field \"" + field + "\": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String name) {
        return text(node, name, name);
    }

    private static String text(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || !value.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\": missing or not a string");
        }
        return value.asText();
    }
}
