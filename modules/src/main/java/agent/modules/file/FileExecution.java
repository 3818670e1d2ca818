package agent.modules.file;

import agent.host.FileDetails;
import agent.host.FileStat;
import agent.host.HostFiles;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Fnmatch;
import agent.spi.PyRegex;
import agent.spi.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Salt's read-only file functions, for templates and {@code agent call}: salt['file.file_exists'](path),
 * file.stats, file.get_hash ... Nothing here changes the host.
 */
public final class FileExecution implements ExecutionModule {

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("file_exists", c -> stat(c, true).isFile());
        f.put("directory_exists", c -> stat(c, true).isDirectory());
        f.put("is_link", c -> stat(c, false).isSymlink());
        f.put("access", FileExecution::access);
        f.put("readlink", c -> {
            FileStat st = stat(c, false);
            if (!st.isSymlink()) {
                throw new IllegalArgumentException("A valid link was not specified.");
            }
            return c.bool(1, "canonicalize", false) ? files(c).realPath(path(c)).toString() : st.linkTarget();
        });
        f.put("read", FileExecution::read);
        f.put("contains", c -> {
            String text = Values.text(c.required(1, "text"));
            return stat(c, true).isFile() && read(c).lines().anyMatch(l -> l.contains(text));
        });
        f.put("search", FileExecution::search);
        f.put("get_mode", c -> {
            FileStat st = stat(c, true);
            return st.exists() ? st.octalMode() : "";
        });
        f.put("get_user", c -> details(c).map(d -> owner(c, d.uid())).orElse(""));
        f.put("get_group", c -> details(c).map(d -> group(c, d.gid())).orElse(""));
        f.put("get_uid", c -> details(c).map(FileDetails::uid).orElse(-1));
        f.put("get_gid", c -> details(c).map(FileDetails::gid).orElse(-1));
        f.put("get_hash", c -> hash(files(c).read(path(c)), c.string(1, "form", "sha256")));
        f.put("stats", FileExecution::stats);
        f.put("lstat", FileExecution::lstat);
        f.put("is_chrdev", c -> details(c).map(d -> d.type().equals("char")).orElse(false));
        f.put("is_blkdev", c -> details(c).map(d -> d.type().equals("block")).orElse(false));
        f.put("is_fifo", c -> details(c).map(d -> d.type().equals("pipe")).orElse(false));
        f.put("readdir", c -> {
            List<String> out = new ArrayList<>(List.of(".", ".."));
            for (Path p : files(c).list(path(c))) {
                out.add(p.getFileName().toString());
            }
            return out;
        });
        f.put("find", FileExecution::find);
        f.put("basename", c -> {
            Path name = path(c).getFileName();
            return name == null ? "" : name.toString();
        });
        f.put("dirname", c -> {
            Path p = path(c).getParent();
            return p == null ? "" : p.toString();
        });
        f.put("join", c -> {
            Path p = Path.of(Values.text(c.required(0, "path")));
            for (Object part : c.args().subList(1, c.args().size())) {
                p = p.resolve(Values.text(part));
            }
            return p.toString();
        });
        return f;
    }

    private static boolean access(ExecCall c) throws IOException {
        String mode = c.string(1, "mode", "f");
        Optional<FileDetails> d = files(c).details(path(c), true);
        if (d.isEmpty()) {
            return false;
        }
        int perms = d.get().mode();
        // The agent runs as root, for whom only x needs a bit to be set.
        return switch (mode) {
            case "f", "r", "w" -> true;
            case "x" -> (perms & 0111) != 0;
            default -> throw new IllegalArgumentException("Invalid mode specified.");
        };
    }

    /** Salt's file.search: a regular expression (multiline by default) anywhere in the file. */
    private static boolean search(ExecCall c) throws IOException {
        String pattern = Values.text(c.required(1, "pattern"));
        if (!stat(c, true).isFile()) {
            if (c.bool(-1, "ignore_if_missing", false)) {
                return false;
            }
            throw new IllegalArgumentException("{} does not exist".replace("{}", path(c).toString()));
        }
        int flags = PyRegex.flags(c.arg(2, "flags", 8), java.util.regex.Pattern.MULTILINE);
        return java.util.regex.Pattern.compile(pattern, flags).matcher(files(c).readText(path(c))).find();
    }

    private static Map<String, Object> stats(ExecCall c) throws Exception {
        boolean follow = c.bool(-1, "follow_symlinks", true);
        FileDetails d = files(c).details(path(c), follow)
                .orElseThrow(() -> new IllegalArgumentException("Path not found: " + path(c)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inode", d.inode());
        out.put("uid", d.uid());
        out.put("gid", d.gid());
        out.put("user", owner(c, d.uid()));
        out.put("group", group(c, d.gid()));
        out.put("target", files(c).realPath(path(c)).toString());
        out.put("atime", seconds(d.atime()));
        out.put("mtime", seconds(d.mtime()));
        out.put("ctime", seconds(d.ctime()));
        out.put("size", d.size());
        out.put("mode", d.octalMode());
        out.put("type", d.type());
        Object hashType = c.arg(1, "hash_type", null);
        if (hashType != null && d.type().equals("file")) {
            out.put("sum", hash(files(c).read(path(c)), Values.text(hashType)));
        }
        return out;
    }

    private static Map<String, Object> lstat(ExecCall c) throws IOException {
        FileDetails d = files(c).details(path(c), false)
                .orElseThrow(() -> new IllegalArgumentException("Path not found: " + path(c)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("st_atime", seconds(d.atime()));
        out.put("st_ctime", seconds(d.ctime()));
        out.put("st_gid", d.gid());
        out.put("st_mode", d.mode());
        out.put("st_mtime", seconds(d.mtime()));
        out.put("st_nlink", d.nlink());
        out.put("st_size", d.size());
        out.put("st_uid", d.uid());
        return out;
    }

    /** Salt's file.find, for the name (glob) and type criteria: the paths under path that match. */
    private static List<String> find(ExecCall c) throws IOException {
        String name = c.string(-1, "name", null);
        String type = c.string(-1, "type", null);
        List<String> out = new ArrayList<>();
        walk(files(c), path(c), name, type, out);
        return out;
    }

    private static void walk(HostFiles files, Path at, String name, String type, List<String> out) throws IOException {
        FileStat st = files.stat(at);
        boolean nameOk = name == null || Fnmatch.matches(at.getFileName() == null ? "" : at.getFileName().toString(), name);
        boolean typeOk = type == null || (type.contains("f") && st.isFile()) || (type.contains("d") && st.isDirectory())
                || (type.contains("l") && st.isSymlink());
        if (nameOk && typeOk) {
            out.add(at.toString());
        }
        if (st.isDirectory()) {
            for (Path child : files.list(at)) {
                walk(files, child, name, type, out);
            }
        }
    }

    private static double seconds(java.time.Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    static String hash(byte[] content, String form) throws Exception {
        String algorithm = switch (form.toLowerCase(java.util.Locale.ROOT)) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            default -> throw new IllegalArgumentException("Invalid hash type '" + form + "'");
        };
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }

    private static String owner(ExecCall c, int uid) {
        String name = c.context().host().accounts().snapshot().userName(uid);
        return name == null ? String.valueOf(uid) : name;
    }

    private static String group(ExecCall c, int gid) {
        String name = c.context().host().accounts().snapshot().groupName(gid);
        return name == null ? String.valueOf(gid) : name;
    }

    private static Optional<FileDetails> details(ExecCall c) throws IOException {
        return files(c).details(path(c), c.bool(-1, "follow_symlinks", true));
    }

    private static HostFiles files(ExecCall c) {
        return c.context().host().files();
    }

    /** The file's text; malformed UTF-8 is an error, as Salt's read of a binary file is. */
    private static String read(ExecCall c) throws IOException {
        return files(c).readStrictText(path(c));
    }

    private static Path path(ExecCall c) {
        return Path.of(Values.text(c.required(0, "path")));
    }

    private static FileStat stat(ExecCall c, boolean follow) {
        var files = c.context().host().files();
        return follow ? files.statFollow(path(c)) : files.stat(path(c));
    }
}
