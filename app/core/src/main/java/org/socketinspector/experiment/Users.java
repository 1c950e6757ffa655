package org.socketinspector.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Account names and uids (the semantics model speaks of users by name): from /etc/passwd on Unix. Windows has no
 * passwd file and experiments there act only as the user running them, whose "uid" is its SID's RID (see
 * {@code ProcessControl}): that one is known by its name, as {@link #SELF}; other unknown uids are named
 * {@code uid<N>}, and such a name reads back as N.
 */
public final class Users {

    public static final int NOBODY = 65534;
    /** The uid meaning "the user running this process", as experiments' socket specs use it. */
    public static final int SELF = -1;
    private static final Path PASSWD = Path.of("/etc/passwd");
    /** Windows has no passwd file; under Wine "/etc/passwd" is the Linux host's (drive Z:) and must not be read. */
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private Users() {
    }

    public static String name(int uid) {
        for (List<String> entry : entries()) {
            if (entry.get(2).equals(Integer.toString(uid))) {
                return entry.get(0);
            }
        }
        if (uid == 0) {
            return "root";
        }
        if (uid == NOBODY) {
            return "nobody";
        }
        return "uid" + uid;
    }

    /** A uid from a name or a number ("nobody", "65534", "uid65534"); {@link #SELF} for the running user's name. */
    public static int uid(String user) throws ExperimentException {
        if (user.matches("(uid)?\\d{1,9}")) {
            return Integer.parseInt(user.replace("uid", ""));
        }
        if (WINDOWS && user.equalsIgnoreCase(System.getProperty("user.name"))) {
            return SELF; // first: under Wine the running user is often called "root", and is not uid 0 there
        }
        for (List<String> entry : entries()) {
            if (entry.get(0).equals(user)) {
                return Integer.parseInt(entry.get(2));
            }
        }
        if (user.equals("root")) {
            return 0;
        }
        if (user.equals("nobody")) {
            return NOBODY;
        }
        if (user.equalsIgnoreCase(System.getProperty("user.name"))) {
            return SELF;
        }
        throw new ExperimentException("unknown user '" + user + "' (" + (Files.exists(PASSWD)
                ? "not in " + PASSWD : "only the user running the experiment, " + System.getProperty("user.name")
                + ", is known here") + ")");
    }

    private static List<List<String>> entries() {
        if (WINDOWS) {
            return List.of();
        }
        try {
            return Files.readAllLines(PASSWD).stream().map(line -> List.of(line.split(":", -1)))
                    .filter(fields -> fields.size() > 2).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
