package org.socketinspector.collect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.socketinspector.linux.UserNames;

/**
 * This machine's user accounts as a platform knows them: names by uid and uids by name. On Unix that is the passwd
 * file (read by {@link UserNames}, the one parser of it); Windows has no such table, and its experiments act only as
 * the user running them (whose "uid" is the RID of its SID, see {@code ProcessControl}).
 */
public interface Accounts {

    /** The account name of this uid; null when this table does not know it. */
    String name(long uid);

    /** The uid of this account name; empty when this table does not know it. */
    OptionalLong uid(String name);

    /**
     * Whether the running user's name means "this user" before any table look-up: on Windows, where under Wine the
     * running user is often called "root" and is not uid 0 there.
     */
    boolean runningUserFirst();

    /** Where the table is read from, for an error ("not in /etc/passwd"); null when only the running user is known. */
    Path source();

    /** The accounts of a passwd file (missing or unreadable: none). */
    static Accounts passwd(Path file) {
        UserNames names = new UserNames(file);
        return new Accounts() {
            @Override
            public String name(long uid) {
                return names.name(uid);
            }

            @Override
            public OptionalLong uid(String name) {
                Long uid = names.uid(name);
                return uid == null ? OptionalLong.empty() : OptionalLong.of(uid);
            }

            @Override
            public boolean runningUserFirst() {
                return false;
            }

            @Override
            public Path source() {
                return Files.exists(file) ? file : null;
            }
        };
    }

    /** Only the running user is known (Windows: no passwd file; under Wine "/etc/passwd" is the Linux host's). */
    static Accounts runningUserOnly() {
        return new Accounts() {
            @Override
            public String name(long uid) {
                return null;
            }

            @Override
            public OptionalLong uid(String name) {
                return OptionalLong.empty();
            }

            @Override
            public boolean runningUserFirst() {
                return true;
            }

            @Override
            public Path source() {
                return null;
            }
        };
    }
}
