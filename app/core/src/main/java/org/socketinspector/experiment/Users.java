package org.socketinspector.experiment;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.socketinspector.collect.Accounts;
import org.socketinspector.collect.Platform;
import org.socketinspector.collect.Platforms;

/**
 * Account names and uids as experiments speak of users (the semantics model names them), over a platform's
 * {@link Accounts}: the passwd file on Unix (read by the platform's one parser of it), only the running user on
 * Windows, whose "uid" is its SID's RID (see {@code ProcessControl}): that one is known by its name, as {@link #SELF};
 * other unknown uids are named {@code uid<N>}, and such a name reads back as N.
 */
public final class Users {

    public static final int NOBODY = 65534;
    /** The uid meaning "the user running this process", as experiments' socket specs use it. */
    public static final int SELF = -1;
    private static final Path PASSWD = Path.of("/etc/passwd");

    private final Accounts accounts;

    private Users(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The users of a platform's accounts. */
    public static Users of(Platform platform) {
        return of(platform.accounts());
    }

    static Users of(Accounts accounts) {
        return new Users(accounts);
    }

    /**
     * The users of the platform this process's main made (a passwd table before one exists): for the callers that
     * are not handed a platform yet. A view model or a validation that looks users up on every keystroke keeps one.
     */
    public static Users read() {
        return new Users(Platforms.ofThisProcess().map(Platform::accounts).orElseGet(() -> Accounts.passwd(PASSWD)));
    }

    /** The user table of this passwd file (missing or unreadable: only the built-in names are known). */
    public static Users read(Path passwd) {
        return new Users(Accounts.passwd(passwd));
    }

    /** {@link #nameOf} of {@link #read()}. */
    public static String name(int uid) {
        return read().nameOf(uid);
    }

    /** {@link #uidOf} of {@link #read()}. */
    public static int uid(String user) throws ExperimentException {
        return read().uidOf(user);
    }

    public String nameOf(int uid) {
        String name = accounts.name(uid);
        if (name != null) {
            return name;
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
        if (accounts.runningUserFirst() && user.equalsIgnoreCase(System.getProperty("user.name"))) {
            return SELF; // first: under Wine the running user is often called "root", and is not uid 0 there
        }
        OptionalLong known = accounts.uid(user);
        if (known.isPresent()) {
            return Math.toIntExact(known.getAsLong());
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
        Path source = accounts.source();
        throw new ExperimentException("unknown user '" + user + "' (" + (source != null
                ? "not in " + source : "only the user running the experiment, " + System.getProperty("user.name")
                + ", is known here") + ")");
    }
}
