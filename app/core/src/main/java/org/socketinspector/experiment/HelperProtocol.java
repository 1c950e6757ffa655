package org.socketinspector.experiment;

import java.util.Arrays;
import java.util.List;
import org.socketinspector.sockets.NativeSocketException;

/**
 * The line protocol between an experiment and its helper process. The parent writes one command per line on the
 * helper's stdin; the helper answers each with exactly one {@code ok [value]} or {@code error call NAME code detail}
 * line, and writes {@code delivery socketId tag epochMillis} lines whenever a served socket gets something.
 *
 * <pre>
 * open ID tcp|udp ipv4|ipv6     opt ID reuseaddr|reuseport|v6only on|off     bind ID ADDRESS PORT  -> ok PORT
 * listen ID     serve ID     close ID     send tcp|udp ADDRESS PORT TAG     exit
 * connect ID ADDRESS PORT     accept ID CONNECTION_ID MILLIS -> ok true|false     sendfrom ID ADDRESS PORT TAG
 * finish ID MILLIS -> ok true|false     inode ID -> ok INODE
 * </pre>
 * At start the helper writes {@code ready PID UID}.
 */
public final class HelperProtocol {

    public static final String READY = "ready";
    public static final String OK = "ok";
    public static final String ERROR = "error";
    public static final String DELIVERY = "delivery";

    private HelperProtocol() {
    }

    public static List<String> words(String line) {
        return Arrays.asList(line.trim().split("\\s+"));
    }

    public static String error(NativeSocketException e) {
        return String.join(" ", ERROR, e.call(), e.errorName(), Integer.toString(e.errorCode()), e.getMessage());
    }

    /** Rebuilds the exception an {@code error} line carries. */
    public static NativeSocketException parseError(String line) {
        List<String> w = words(line);
        if (w.size() < 4 || !w.get(0).equals(ERROR)) {
            return new NativeSocketException("helper", "EPROTO", 71, "unexpected helper answer: " + line);
        }
        int code;
        try {
            code = Integer.parseInt(w.get(3));
        } catch (NumberFormatException e) {
            code = 0;
        }
        return new NativeSocketException(w.get(1), w.get(2), code, "in helper");
    }
}
