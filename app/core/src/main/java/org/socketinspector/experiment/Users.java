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

    private final Path source;
    private final List<List<String>> entries;

    private Users(Path source, List<List<String>> entries) {
        this.source = source;
        this.entries = entries;
    }

    /**
     * The user table as it is now, read once: a view model or a validation that looks users up on every keystroke
     * keeps one instead of re-reading /etc/passwd each time.
     */
    public static Users read() {
        return WINDOWS ? new Users(PASSWD, List.of()) : read(PASSWD);
    }

    /** The user table of this passwd file (missing or unreadable: only the built-in names are known). */
    public static Users read(Path passwd) {
        try {
            return new Users(passwd, Files.readAllLines(passwd).stream().map(line -> List.of(line.split(":", -1)))
                    .filter(fields -> fields.size() > 2).toList());
        } catch (IOException e) {
            return new Users(passwd, List.of());
        }
    }

    /** {@link #nameOf} of a fresh read of the table. */
    public static String name(int uid) {
        return read().nameOf(uid);
    }

    /** {@link #uidOf} of a fresh read of the table. */
    public static int uid(String user) throws ExperimentException {
        return read().uidOf(user);
    }

    public String nameOf(int uid) {
        for (List<String> entry : entries) {
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
    public int uidOf(String user) throws ExperimentException {
        if (user.matches("(uid)?\\d{1,9}")) {
            return Integer.parseInt(user.replace("uid", ""));
        }
        if (WINDOWS && user.equalsIgnoreCase(System.getProperty("user.name"))) {
            return SELF; // first: under Wine the running user is often called "root", and is not uid 0 there
        }
        for (List<String> entry : entries) {
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
        throw new ExperimentException("unknown user '" + user + "' (" + (Files.exists(source)
                ? "not in " + source : "only the user running the experiment, " + System.getProperty("user.name")
                + ", is known here") + ")");
    }
}
