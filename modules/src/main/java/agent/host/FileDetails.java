package agent.host;

import java.time.Instant;

/**
 * Everything stat(2) says of a path, for the read-only file functions (file.stats, file.lstat):
 * what {@link FileStat} holds and the inode, link count, device type and the three times.
 */
public record FileDetails(long inode, int nlink, int mode, int uid, int gid, long size, Instant atime, Instant mtime,
                          Instant ctime) {

    /** Salt's type names: file, dir, symlink, char, block, pipe, socket. */
    public String type() {
        return switch (mode & 0170000) {
            case 0100000 -> "file";
            case 0040000 -> "dir";
            case 0120000 -> "symlink";
            case 0020000 -> "char";
            case 0060000 -> "block";
            case 0010000 -> "pipe";
            case 0140000 -> "socket";
            default -> "unknown";
        };
    }

    /** The permission bits, as four octal digits ("0644"). */
    public String octalMode() {
        return String.format("%04o", mode & 07777);
    }
}
