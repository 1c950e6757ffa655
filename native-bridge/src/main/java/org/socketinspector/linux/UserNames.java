package org.socketinspector.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * User names by uid from /etc/passwd, read once and re-read at most once per {@link #refresh()} when a uid is
 * missing (a user added since). Users known only to NSS (LDAP, systemd-homed) are not resolved: null.
 */
final class UserNames {
    private final Path passwd;
    private Map<Long, String> names;
    private boolean reloadAllowed = true;

    UserNames(Path passwd) {
        this.passwd = passwd;
        this.names = load(passwd);
    }

    /** Allows one more reload: called once per scan. */
    void refresh() {
        reloadAllowed = true;
    }

    String name(long uid) {
        String name = names.get(uid);
        if (name == null && reloadAllowed) {
            reloadAllowed = false;
            names = load(passwd);
            name = names.get(uid);
        }
        return name;
    }

    private static Map<Long, String> load(Path passwd) {
        try {
            return parse(Files.readString(passwd));
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** name:password:uid:gid:gecos:home:shell per line; comments and malformed lines are skipped. */
    static Map<Long, String> parse(String text) {
        Map<Long, String> names = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && !line.startsWith("#")) {
                try {
                    names.putIfAbsent(Long.parseLong(f[2]), f[0]);
                } catch (NumberFormatException e) {
                    // not a passwd entry (e.g. a NIS "+" line)
                }
            }
        }
        return names;
    }
}
