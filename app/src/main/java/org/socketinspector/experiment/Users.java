package org.socketinspector.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Account names and uids, from /etc/passwd (the semantics model speaks of users by name). */
public final class Users {

    public static final int NOBODY = 65534;
    private static final Path PASSWD = Path.of("/etc/passwd");

    private Users() {
    }

    public static String name(int uid) {
        for (List<String> entry : entries()) {
            if (entry.get(2).equals(Integer.toString(uid))) {
                return entry.get(0);
            }
        }
        return uid == 0 ? "root" : uid == NOBODY ? "nobody" : "uid" + uid;
    }

    /** A uid from a name or a number ("nobody", "65534"). */
    public static int uid(String user) throws ExperimentException {
        if (user.matches("\\d+")) {
            return Integer.parseInt(user);
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
        throw new ExperimentException("unknown user '" + user + "' (not in " + PASSWD + ")");
    }

    private static List<List<String>> entries() {
        try {
            return Files.readAllLines(PASSWD).stream().map(line -> List.of(line.split(":", -1)))
                    .filter(fields -> fields.size() > 2).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
