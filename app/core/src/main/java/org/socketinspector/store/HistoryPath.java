package org.socketinspector.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socketinspector.output.OutputFile;

/**
 * Decides, before SQLite sees a path, that the history file and the files SQLite keeps beside it ({@code -wal},
 * {@code -shm}, {@code -journal}) are ours and cannot become another user's while SQLite opens them by name.
 *
 * <p>The path is walked from {@code /} one component at a time without following links ({@code lstat}): a
 * folder on the way must belong to this user or root; a folder others may write must be sticky, and then the entry
 * used in it must be ours or root's (the kernel then lets nobody else rename or remove it); a link is followed only
 * when this user or root owns it. Once every folder up to the history's is proven so, nobody else can change which
 * file a name there means, so SQLite's later open by name meets what was checked. Modes are changed only through
 * descriptors: the folder is opened relative to its parent's descriptor without following a link, and
 * {@code fchmod}ed (JDK {@link SecureDirectoryStream}: {@code openat} + {@code fchmod}); a new file is created
 * {@code O_EXCL|O_NOFOLLOW} 0600 relative to the folder's descriptor.
 *
 * <p>Not on Windows (no POSIX owners; the per-user profile folder is private): there {@link #supported()} is false.
 */
final class HistoryPath {

    static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");

    private static final int MAX_LINKS = 40; // as the kernel's ELOOP limit
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final int S_ISVTX = 01000;

    /** A file's facts from one {@code lstat}: type and permission bits, owner, group, link count, identity. */
    record Stat(int mode, int uid, int gid, int nlink, Object key) {
        boolean isDirectory() {
            return (mode & S_IFMT) == S_IFDIR;
        }

        boolean isRegular() {
            return (mode & S_IFMT) == S_IFREG;
        }

        boolean isLink() {
            return (mode & S_IFMT) == S_IFLNK;
        }

        int permissions() {
            return mode & 0777;
        }

        String type() {
            return switch (mode & S_IFMT) {
                case S_IFREG -> "a regular file";
                case S_IFDIR -> "a folder";
                case S_IFLNK -> "a symbolic link";
                case 0010000 -> "a pipe";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        }
    }

    /** The checked place: the history's folder (every folder above it proven), its name there, and its facts. */
    record Place(Path folder, String name, Stat folderStat, Stat fileStat) {
        Path file() {
            return folder.resolve(name);
        }

        /** Others may create names in the folder (it is then sticky, or the walk refused it). */
        boolean shared(Ids self) {
            return writableByOthers(folderStat, self);
        }
    }

    /** This process's effective user and group, as owners of the files it creates. */
    record Ids(int uid, int gid) {
        boolean trusted(int owner) {
            return owner == uid || owner == 0;
        }
    }

    private final Path user; // as the user named it: every message names it
    private final Ids self;

    private HistoryPath(Path user, Ids self) {
        this.user = user;
        this.self = self;
    }

    /** False where files have no POSIX owners (Windows): the old path-based checks apply there. */
    static boolean supported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    }

    /**
     * Proves the path and returns the file SQLite is to open, creating a missing folder (0700) and file (0600,
     * {@code O_EXCL}) when {@code create}; in a folder others may write, the missing {@code -wal} and {@code -shm}
     * are created too (0600, {@code O_EXCL}), so that SQLite, which opens them with {@code O_CREAT} and without
     * {@code O_EXCL}, cannot meet one another user planted after the check. {@code ownFolder}: an old 0755 folder
     * of ours is made 0700 (notice added).
     */
    static Path prepare(Path file, boolean create, boolean ownFolder, List<String> notices) {
        HistoryPath path = new HistoryPath(file, ids());
        path.refuseNonRegular();
        for (int attempt = 0; ; attempt++) {
            Place place = path.walk(file.toAbsolutePath().normalize(), create);
            path.checkSideFiles(place);
            if (!create) {
                if (place.fileStat() == null) {
                    throw new StoreException("history database " + file + " does not exist");
                }
                return place.file();
            }
            if (ownFolder) {
                path.tighten(place).ifPresent(notices::add);
            }
            if (place.fileStat() == null && !path.createFile(place) && attempt < 3) {
                continue; // someone created it between our look and our create: look again
            }
            if (place.shared(path.self)) {
                path.createSideFiles(place);
            }
            Place now = path.walk(place.file(), false);
            if (now.fileStat() == null) {
                throw new StoreException("history database " + file + " disappeared while it was being opened");
            }
            path.checkSideFiles(now);
            return now.file();
        }
    }

    /**
     * {@code --db /dev/stdout}, a FIFO, a device: one line naming the user's path and what it is (one {@code stat},
     * links followed, nothing opened; the walk decides everything else).
     */
    private void refuseNonRegular() {
        Stat stat;
        try {
            stat = stat(user, true);
        } catch (IOException e) {
            return; // nothing there (yet), or a dangling link: the walk says which
        }
        if (stat.isDirectory()) {
            throw new StoreException("history database " + user + " is a directory, not a file");
        }
        if (!stat.isRegular()) {
            throw new StoreException("history database " + user + " is " + stat.type() + ", not a regular file; the"
                    + " history must be a file of its own (choose one with --db)");
        }
    }

    /** Walks {@code absolute} from the root (see the class comment); the last component is looked at, not opened. */
    private Place walk(Path absolute, boolean create) {
        Path at = absolute.getRoot();
        Stat atStat = statOrFail(at);
        requireTrustedFolder(at, atStat);
        Deque<String> names = names(absolute);
        boolean viaLink = false;
        for (int hops = 0; ; ) {
            String name = names.removeFirst();
            Path child = at.resolve(name);
            boolean last = names.isEmpty();
            if (writableByOthers(atStat, self) && (atStat.mode() & S_ISVTX) == 0) {
                throw refused("folder " + at + " can be written by other users and is not sticky (mode "
                        + octal(atStat) + "): another user could replace " + child + " before SQLite opens it");
            }
            Stat stat = lstat(child);
            if (stat == null && !last) {
                if (!create) {
                    throw new StoreException("history database " + user + " does not exist");
                }
                makeFolder(child, names.size() == 1);
                stat = lstat(child);
                if (stat == null) {
                    throw refused("folder " + child + " disappeared while it was being made");
                }
            }
            if (stat == null) {
                if (viaLink) {
                    throw new StoreException("history database " + user + " is a symbolic link to a file that does"
                            + " not exist; refusing to create the history through it");
                }
                return new Place(at, name, atStat, null);
            }
            if (!self.trusted(stat.uid())) {
                throw refused(ownedByAnother(child, stat));
            }
            if (stat.isLink()) {
                if (++hops > MAX_LINKS) {
                    throw refused("too many levels of symbolic links");
                }
                Path target = readLink(child);
                Path next = at.resolve(target);
                for (String rest : names) {
                    next = next.resolve(rest);
                }
                names = names(next.toAbsolutePath().normalize());
                at = absolute.getRoot();
                atStat = statOrFail(at);
                viaLink = viaLink || last;
                continue;
            }
            if (last) {
                if (!stat.isRegular()) {
                    throw refused(child + " is " + stat.type() + ", not a regular file");
                }
                if (stat.nlink() != 1) {
                    throw refused(child + " has " + stat.nlink() + " names (hard links); another of them may be"
                            + " in a place other users can read");
                }
                return new Place(at, name, atStat, stat);
            }
            if (!stat.isDirectory()) {
                throw refused(child + " is " + stat.type() + ", not a folder");
            }
            at = child;
            atStat = stat;
        }
    }

    private void requireTrustedFolder(Path folder, Stat stat) {
        if (!self.trusted(stat.uid())) {
            throw refused(ownedByAnother(folder, stat));
        }
    }

    private String ownedByAnother(Path what, Stat stat) {
        String kind = stat.isDirectory() ? "folder " : stat.isLink() ? "symbolic link " : "";
        String link = "";
        if (stat.isLink()) {
            link = " -> " + readLinkQuietly(what);
        }
        return kind + what + link + " belongs to uid " + stat.uid() + ", not to this user (uid " + self.uid()
                + ") or root: " + (stat.isDirectory() ? "that user could swap what is in it before SQLite opens it"
                : "another user planted it, and would read or change what is stored through it");
    }

    /**
     * SQLite opens {@code NAME-wal}, {@code -shm} and {@code -journal} by name, writing the history's pages into
     * them (and refuses links there without saying why, which leaves the history unusable). Each one present must
     * be a regular file of ours or root's with one name, no more open to others than the database file.
     */
    private void checkSideFiles(Place place) {
        int allowed = place.fileStat() != null ? place.fileStat().permissions() : 0755;
        for (String suffix : SIDE_FILES) {
            Path side = place.folder().resolve(place.name() + suffix);
            Stat stat = lstat(side);
            if (stat == null) {
                continue;
            }
            String why = null;
            if (!stat.isRegular()) {
                why = "is " + stat.type() + ", not a regular file";
            } else if (!self.trusted(stat.uid())) {
                why = "belongs to uid " + stat.uid() + ", not to this user (uid " + self.uid() + ") or root: another"
                        + " user planted it and would receive the history's pages";
            } else if (stat.nlink() != 1) {
                why = "has " + stat.nlink() + " names (hard links): another of them may be in a place other users"
                        + " can read";
            } else if ((stat.permissions() & ~allowed) != 0) {
                why = "is more open (mode " + octal(stat) + ") than the database file: another user may hold it open";
            }
            if (why != null) {
                throw new StoreException("history database " + user + ": side file " + side + " " + why
                        + "; refusing to open the history beside it (remove it if it is not yours)");
            }
        }
    }

    /**
     * Versions before issue 14 made the history folder 0755 and the file 0644. A folder (and file) of ours is made
     * 0700 (0600) through descriptors: the folder opened relative to its parent's descriptor without following a
     * link and checked to be the folder the walk proved (same device and inode), then {@code fchmod}; the file
     * opened relative to the folder's descriptor without following a link, then {@code fchmod}.
     */
    private Optional<String> tighten(Place place) {
        Stat folder = place.folderStat();
        if (folder.permissions() == 0700 || folder.uid() != self.uid() || place.folder().getParent() == null) {
            return Optional.empty();
        }
        try (SecureDirectoryStream<Path> parent = secure(place.folder().getParent());
                SecureDirectoryStream<Path> dir = parent.newDirectoryStream(place.folder().getFileName(),
                        LinkOption.NOFOLLOW_LINKS)) {
            PosixFileAttributeView view = dir.getFileAttributeView(PosixFileAttributeView.class);
            if (!view.readAttributes().fileKey().equals(folder.key())) {
                throw refused("folder " + place.folder() + " changed while it was being made private");
            }
            view.setPermissions(PosixFilePermissions.fromString("rwx------"));
            makePrivate(dir, place.name(), place.fileStat());
            for (String suffix : SIDE_FILES) { // a WAL a crash left keeps the file's old mode: narrowed with it
                makePrivate(dir, place.name() + suffix, lstat(place.folder().resolve(place.name() + suffix)));
            }
        } catch (StoreException e) {
            throw e;
        } catch (IOException e) {
            return Optional.empty(); // a read-only file system: nobody can add to it, reading goes on
        }
        return Optional.of("history folder " + place.folder() + " was open to other users ("
                + rwx(folder.permissions()) + "); made it private (rwx------), as new history folders are");
    }

    /** 0600 for a regular file of ours in {@code dir} that is open to others, changed through the folder's descriptor. */
    private void makePrivate(SecureDirectoryStream<Path> dir, String name, Stat file) throws IOException {
        if (file == null || !file.isRegular() || file.uid() != self.uid() || (file.permissions() & 077) == 0) {
            return;
        }
        PosixFileAttributeView view = dir.getFileAttributeView(Path.of(name), PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view.readAttributes().fileKey().equals(file.key())) {
            view.setPermissions(PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Creates the file {@code O_CREAT|O_EXCL|O_NOFOLLOW} 0600 relative to the folder; false when it exists now. */
    private boolean createFile(Place place) {
        try (SecureDirectoryStream<Path> dir = secure(place.folder())) {
            dir.newByteChannel(Path.of(place.name()), Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))).close();
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new StoreException("cannot create history database " + user + " (" + OutputFile.reason(e) + ")", e);
        }
    }

    /** Our own empty {@code -wal} and {@code -shm} (0600), so that no other user can plant them after the check. */
    private void createSideFiles(Place place) {
        try (SecureDirectoryStream<Path> dir = secure(place.folder())) {
            for (String suffix : List.of("-wal", "-shm")) {
                try {
                    dir.newByteChannel(Path.of(place.name() + suffix), Set.of(StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions
                            .asFileAttribute(PosixFilePermissions.fromString("rw-------"))).close();
                } catch (FileAlreadyExistsException e) {
                    // SQLite's own, or planted: checked right after
                }
            }
        } catch (IOException e) {
            // a read-only or full file system: SQLite cannot create them either
        }
    }

    private void makeFolder(Path folder, boolean historyFolder) {
        try {
            if (historyFolder) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            // made by another process at the same moment: looked at like any other
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of history database " + user + " ("
                    + OutputFile.reason(e) + ")", e);
        }
    }

    private static SecureDirectoryStream<Path> secure(Path folder) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(folder);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return secure;
        }
        stream.close();
        throw new IOException("no descriptor-relative file operations on this system");
    }

    /** Others than this user and root may create or rename entries: world-writable, or a group not ours. */
    static boolean writableByOthers(Stat folder, Ids self) {
        return (folder.mode() & 0002) != 0
                || ((folder.mode() & 0020) != 0 && folder.gid() != self.gid() && folder.gid() != 0)
                || !self.trusted(folder.uid());
    }

    private StoreException refused(String why) {
        return new StoreException("history database " + user + ": " + why + "; refusing to use it");
    }

    /** The lstat of a path whose folders are already proven; null when nothing is there. */
    private Stat lstat(Path path) {
        try {
            return stat(path, false);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StoreException("cannot read history database " + user + " (" + path + ": "
                    + OutputFile.reason(e) + ")", e);
        }
    }

    private Stat statOrFail(Path path) {
        Stat stat = lstat(path);
        if (stat == null) {
            throw new StoreException("history database " + user + ": " + path + " does not exist");
        }
        return stat;
    }

    static Stat stat(Path path, boolean follow) throws IOException {
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,nlink,fileKey", options);
        return new Stat((Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"),
                (Integer) a.get("nlink"), a.get("fileKey"));
    }

    private Path readLink(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            throw new StoreException("cannot read history database " + user + " (" + link + ": "
                    + OutputFile.reason(e) + ")", e);
        }
    }

    private static String readLinkQuietly(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static Deque<String> names(Path absolute) {
        Deque<String> names = new ArrayDeque<>();
        for (Path name : absolute) {
            names.add(name.toString());
        }
        if (names.isEmpty()) {
            throw new StoreException("history database " + absolute + " is a directory, not a file");
        }
        return names;
    }

    private static String octal(Stat stat) {
        return String.format(Locale.ROOT, "%04o", stat.mode() & 07777);
    }

    private static String rwx(int permissions) {
        StringBuilder s = new StringBuilder();
        String letters = "rwx";
        for (int bit = 8; bit >= 0; bit--) {
            s.append((permissions & (1 << bit)) != 0 ? letters.charAt(2 - bit % 3) : '-');
        }
        return s.toString();
    }

    /**
     * The effective uid and gid: the owner of {@code /proc/self} on Linux (the kernel gives it the process's
     * effective ids), elsewhere the owner of a file made for the purpose.
     */
    private static Ids ids() {
        try {
            Path proc = Path.of("/proc/self");
            if (Files.isDirectory(proc)) {
                return new Ids((Integer) Files.getAttribute(proc, "unix:uid"), (Integer) Files.getAttribute(proc,
                        "unix:gid"));
            }
            Path probe = Files.createTempFile("history-owner", ".tmp");
            try {
                return new Ids((Integer) Files.getAttribute(probe, "unix:uid"),
                        (Integer) Files.getAttribute(probe, "unix:gid"));
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            throw new StoreException("cannot tell which user this is (" + OutputFile.reason(e) + ")", e);
        }
    }
}
