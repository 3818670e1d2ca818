package agent.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user and group databases, read from /etc/passwd and /etc/group once and read again only
 * when the files change (by this run's modules, or by a command a state ran).
 */
public final class Accounts {

    /** One line of /etc/passwd. */
    public record User(String name, String password, int uid, int gid, String gecos, String home, String shell) {
    }

    /** One line of /etc/group. */
    public record Group(String name, String password, int gid, List<String> members) {
    }

    private final Path etc;
    private Map<String, User> users;
    private Map<String, Group> groups;
    private Map<Integer, String> userNames;
    private Map<Integer, String> groupNames;
    private long passwdStamp;
    private long groupStamp;

    public Accounts() {
        this(Path.of("/etc"));
    }

    public Accounts(Path etc) {
        this.etc = etc;
    }

    public synchronized void invalidate() {
        users = null;
        groups = null;
        userNames = null;
        groupNames = null;
    }

    public synchronized Map<String, User> users() {
        long stamp = stamp(etc.resolve("passwd"));
        if (users != null && stamp != passwdStamp) {
            // Changed behind our back (a cmd.run ran useradd): read it again.
            users = null;
        }
        passwdStamp = stamp;
        if (users == null) {
            users = new LinkedHashMap<>();
            userNames = new java.util.HashMap<>();
            for (String[] f : records(etc.resolve("passwd"), 7)) {
                User u = new User(f[0], f[1], parse(f[2]), parse(f[3]), f[4], f[5], f[6]);
                users.putIfAbsent(u.name(), u);
                userNames.putIfAbsent(u.uid(), u.name());
            }
        }
        return users;
    }

    public synchronized Map<String, Group> groups() {
        long stamp = stamp(etc.resolve("group"));
        if (groups != null && stamp != groupStamp) {
            groups = null;
        }
        groupStamp = stamp;
        if (groups == null) {
            groups = new LinkedHashMap<>();
            groupNames = new java.util.HashMap<>();
            for (String[] f : records(etc.resolve("group"), 4)) {
                List<String> members = f[3].isEmpty() ? List.of() : List.of(f[3].split(","));
                Group g = new Group(f[0], f[1], parse(f[2]), members);
                groups.putIfAbsent(g.name(), g);
                groupNames.putIfAbsent(g.gid(), g.name());
            }
        }
        return groups;
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(users().get(name));
    }

    public Optional<Group> group(String name) {
        return Optional.ofNullable(groups().get(name));
    }

    public synchronized Optional<String> userName(int uid) {
        users();
        return Optional.ofNullable(userNames.get(uid));
    }

    public synchronized Optional<String> groupName(int gid) {
        groups();
        return Optional.ofNullable(groupNames.get(gid));
    }

    /** A user given by name or by number, as file states accept both. */
    public Optional<Integer> uidOf(String userOrId) {
        if (isNumber(userOrId)) {
            return Optional.of(Integer.parseInt(userOrId));
        }
        return user(userOrId).map(User::uid);
    }

    public Optional<Integer> gidOf(String groupOrId) {
        if (isNumber(groupOrId)) {
            return Optional.of(Integer.parseInt(groupOrId));
        }
        return group(groupOrId).map(Group::gid);
    }

    /** Modification time and size: what changes when the file is rewritten. */
    private static long stamp(Path file) {
        try {
            var attrs = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return attrs.lastModifiedTime().toMillis() * 31 + attrs.size();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String[]> records(Path file, int fields) {
        List<String[]> out = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length < fields) {
                continue;
            }
            out.add(f);
        }
        return out;
    }
}
