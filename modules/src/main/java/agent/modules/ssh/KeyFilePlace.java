package agent.modules.ssh;

import agent.host.FileStat;
import agent.host.HostFiles;
import agent.host.Ownership;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where a key file lives and who must own it. For authorized_keys, sshd's StrictModes refuses
 * a file or folder below the home that is writable by group or others, or owned by someone other
 * than the user or root: such permissions are repaired, and new files and folders are private.
 */
record KeyFilePlace(Path file, Path home, Integer uid, Integer gid, int newFileMode, boolean strict) {

    /** The file as its user's configuration names it: %h and %u expanded, relative to the home. */
    static Path resolve(String config, String user, String home, boolean expandTokens) {
        String path = expandTokens ? expand(config, user, home) : config;
        return path.startsWith("/") ? Path.of(path).normalize() : Path.of(home, path).normalize();
    }

    boolean homeMissing(HostFiles files) {
        return home != null && file.startsWith(home) && !files.isDirectory(home);
    }

    /**
     * The permission problems sshd would refuse, as "PATH: owner UID, mode MODE" for each fix.
     *
     * @param fileStat the file's stat, just taken
     */
    List<String> badPermissions(java.util.function.Function<Path, FileStat> stat, FileStat fileStat) {
        List<String> out = new ArrayList<>();
        if (!strict) {
            return out;
        }
        for (Path p : guarded()) {
            FileStat st = p.equals(file) ? fileStat : stat.apply(p);
            if (isBad(st)) {
                out.add(p + ": owner " + uid + ", mode " + mode(st.permissions() & ~022));
            }
        }
        return out;
    }

    void fixPermissions(HostFiles files) throws IOException {
        for (Path p : guarded()) {
            FileStat st = files.stat(p);
            if (isBad(st)) {
                files.applyOwnership(p, new Ownership(uid, gid, st.permissions() & ~022));
            }
        }
    }

    /** Creates the missing folders: private to the user below the home, root's elsewhere. */
    void makeParents(HostFiles files) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = file.getParent(); p != null && !files.stat(p).exists(); p = p.getParent()) {
            missing.addFirst(p);
        }
        for (Path p : missing) {
            boolean mine = home != null && p.startsWith(home);
            files.mkdir(p, mine ? new Ownership(uid, gid, 0700) : Ownership.ofMode(0755));
        }
    }

    /** Owner and mode for writing the file: a new file gets the user and newFileMode. */
    Ownership forWrite(HostFiles files) {
        FileStat st = files.stat(file);
        if (!st.exists()) {
            return new Ownership(uid, gid, newFileMode);
        }
        return isBad(st) ? new Ownership(uid, gid, st.permissions() & ~022) : new Ownership(st.uid(), st.gid(), st.permissions());
    }

    /** The file and the folders between it and the home. */
    List<Path> guarded() {
        List<Path> out = new ArrayList<>(List.of(file));
        for (Path p = file.getParent(); home != null && p != null && p.startsWith(home) && !p.equals(home); p = p.getParent()) {
            out.add(p);
        }
        return out;
    }

    /** Writable by group or others, or owned by someone else than the user or root. */
    private boolean isBad(FileStat st) {
        return strict && st.exists() && !st.isSymlink()
                && ((st.permissions() & 022) != 0 || (uid != null && st.uid() != uid && st.uid() != 0));
    }

    private static String mode(int bits) {
        String s = Integer.toOctalString(bits);
        return "0000".substring(Math.min(4, s.length())) + s;
    }

    /** sshd_config's AuthorizedKeysFile tokens: %h home, %u user, %% a percent sign. */
    private static String expand(String path, String user, String home) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i >= path.length()) {
                throw new IllegalArgumentException("AuthorizedKeysFile path: Last character can't be escape character");
            }
            switch (path.charAt(i)) {
                case '%' -> out.append('%');
                case 'u' -> out.append(user);
                case 'h' -> out.append(home);
                default -> throw new IllegalArgumentException("AuthorizedKeysFile path: unknown token character \"%" + path.charAt(i) + "\"");
            }
        }
        return out.toString();
    }
}
