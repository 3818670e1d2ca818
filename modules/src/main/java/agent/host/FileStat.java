package agent.host;

import java.time.Instant;

/** What lstat says about a path; {@link #missing()} when nothing is there. */
public record FileStat(Kind kind, int mode, int uid, int gid, long size, String linkTarget, Instant mtime) {

    public enum Kind { MISSING, FILE, DIRECTORY, SYMLINK, OTHER }

    public static FileStat missing() {
        return new FileStat(Kind.MISSING, 0, -1, -1, 0, null, null);
    }

    public boolean exists() {
        return kind != Kind.MISSING;
    }

    public boolean isFile() {
        return kind == Kind.FILE;
    }

    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }

    public boolean isSymlink() {
        return kind == Kind.SYMLINK;
    }

    /** Permission bits including setuid/setgid/sticky, e.g. 0644 or 01777. */
    public int permissions() {
        return mode & 07777;
    }

    /** The permissions as Salt prints them: four octal digits. */
    public String octalMode() {
        String s = Integer.toOctalString(permissions());
        return "0000".substring(Math.min(4, s.length())) + s;
    }
}
