package org.socketinspector.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * User names by uid (and uids by name) from a passwd file, the one reader of /etc/passwd: the Linux scanner names
 * socket owners with it, and the platform's accounts (experiments' users) are it. Read once and re-read at most once
 * per {@link #refresh()} when a uid is missing (a user added since). Users known only to NSS (LDAP, systemd-homed)
 * are not resolved: null.
 */
public final class UserNames {
    private final Path passwd;
    private Map<Long, String> names;
    private Map<String, Long> uids;
    private boolean reloadAllowed = true;

    public UserNames(Path passwd) {
        this.passwd = passwd;
        load();
    }

    /** The passwd file this table is read from. */
    public Path source() {
        return passwd;
    }

    /** Allows one more reload: called once per scan. */
    void refresh() {
        reloadAllowed = true;
    }

    /** The first name the file gives this uid; null when it names none (after at most one re-read). */
    public synchronized String name(long uid) {
        String name = names.get(uid);
        if (name == null && reloadAllowed) {
            reloadAllowed = false;
            load();
            name = names.get(uid);
        }
        return name;
    }

    /** The uid of the first entry with this name; null when the file has none. */
    public synchronized Long uid(String name) {
        return uids.get(name);
    }

    private void load() {
        String text;
        try {
            text = Files.readString(passwd);
        } catch (IOException e) {
            text = "";
        }
        Map<Long, String> byUid = new HashMap<>();
        Map<String, Long> byName = new HashMap<>();
        entries(text, (name, uid) -> {
            byUid.putIfAbsent(uid, name);
            byName.putIfAbsent(name, uid);
        });
        names = byUid;
        uids = byName;
    }

    /** name:password:uid:gid:gecos:home:shell per line; comments and malformed lines are skipped. */
    static Map<Long, String> parse(String text) {
        Map<Long, String> names = new HashMap<>();
        entries(text, (name, uid) -> names.putIfAbsent(uid, name));
        return names;
    }

    private static void entries(String text, java.util.function.ObjLongConsumer<String> entry) {
        for (String line : text.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && !line.startsWith("#")) {
                try {
                    entry.accept(f[0], Long.parseLong(f[2]));
                } catch (NumberFormatException e) {
                    // not a passwd entry (e.g. a NIS "+" line)
                }
            }
        }
    }
}
