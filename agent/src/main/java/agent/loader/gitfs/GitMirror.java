package agent.loader.gitfs;

import agent.InputError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifier;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote's copy under {@code cachedir/gitfs/KEY}: a bare repository fetched at the start of
 * each run, the last good commit of each branch ({@code good/BRANCH}), and the trees of the
 * commits applied, written out as plain files ({@code trees/COMMIT-...}) that the loader reads
 * like any state root. A tree once written is reused while its commit stays the tip.
 */
final class GitMirror {

    private static final Logger LOG = LoggerFactory.getLogger(GitMirror.class);
    /** Trees kept per remote: the one applied and the one before, which a run still reading it may need. */
    private static final int TREES_KEPT = 2;

    static {
        // JGit's own SSH verifier needs Apache MINA SSHD; this one needs only the JDK.
        SignatureVerifiers.set(GpgConfig.GpgFormat.SSH, new SshSignatureVerifier());
    }

    /** The commit an environment is applied from, and why, when it is not the remote's tip. */
    record Checkout(String env, String branch, String commit, Path tree, boolean fetched, String note) {
    }

    private final GitRemote remote;
    private final Path home;
    private final Duration timeout;
    private final Path allowedSigners;

    GitMirror(GitRemote remote, Path gitfsCache, Duration timeout, Path allowedSigners) {
        this.remote = remote;
        this.home = gitfsCache.resolve(remote.key());
        this.timeout = timeout;
        this.allowedSigners = allowedSigners;
    }

    /** Fetches, then one checkout per environment this remote has a branch for. */
    List<Checkout> update(List<String> envs) {
        try {
            Files.createDirectories(home);
            try (FileChannel ch = FileChannel.open(home.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock();
                 Repository repo = open()) {
                String fetchError = fetch(repo);
                List<Checkout> out = new ArrayList<>();
                for (String env : envs) {
                    Checkout c = checkout(repo, env, fetchError);
                    if (c != null) {
                        out.add(c);
                    }
                }
                return out;
            }
        } catch (IOException e) {
            throw new InputError(remote.describe() + ": cannot use its cache " + home + ": " + e.getMessage());
        }
    }

    private Repository open() throws IOException {
        Path git = home.resolve("repo.git");
        Repository repo = new FileRepositoryBuilder().setGitDir(git.toFile()).setBare().build();
        if (!Files.isDirectory(git.resolve("objects"))) {
            repo.create(true);
        }
        return repo;
    }

    /** Null when fetched; else why not (the remote unreachable, refused...). */
    private String fetch(Repository repo) {
        long started = System.nanoTime();
        agent.Timing.mark("fetching " + remote.url());
        try (Git git = new Git(repo)) {
            git.fetch().setRemote(remote.url())
                    .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*"))
                    .setTagOpt(TagOpt.NO_TAGS).setRemoveDeletedRefs(true)
                    .setTimeout((int) Math.max(1, timeout.toSeconds())).call();
            agent.Timing.mark("fetched " + remote.url());
            LOG.debug("{}: fetched in {} ms", remote.describe(), (System.nanoTime() - started) / 1_000_000);
            return null;
        } catch (GitAPIException | JGitInternalException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String why = e.getMessage() + (cause != e && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
            return why.replace('\n', ' ');
        }
    }

    private Checkout checkout(Repository repo, String env, String fetchError) throws IOException {
        String branch = remote.branchFor(env);
        String good = readGood(branch);
        boolean required = env.equals("base") || remote.pillarBranch() != null;
        if (fetchError != null) {
            if (good == null) {
                if (required) {
                    throw new InputError(remote.describe() + " cannot be fetched (" + fetchError
                            + ") and no commit of branch " + branch + " was fetched before: nothing to apply");
                }
                return null;
            }
            String note = "unreachable (" + fetchError + "): applying the last good commit " + good;
            LOG.warn("{} {}", remote.describe(), note);
            return new Checkout(env, branch, good, export(repo, good), false, note);
        }
        Ref ref = repo.exactRef("refs/remotes/origin/" + branch);
        if (ref == null) {
            if (required) {
                throw new InputError(remote.describe() + " has no branch " + branch
                        + (remote.pillarBranch() == null ? " (gitfs_base, or the remote's base)" : ""));
            }
            return null;
        }
        String tip = ref.getObjectId().name();
        String note = null;
        if (allowedSigners != null && !tip.equals(good)) {
            String refusal = refusal(repo, tip);
            if (refusal != null) {
                if (good == null) {
                    throw new InputError(remote.describe() + ": commit " + tip + " of branch " + branch + " is refused: "
                            + refusal + "; no earlier commit was verified, so nothing is applied");
                }
                note = "refused commit " + tip + ": " + refusal + "; applying the last good commit " + good;
                LOG.warn("{} {}", remote.describe(), note);
                return new Checkout(env, branch, good, export(repo, good), true, note);
            }
        }
        writeGood(branch, tip);
        return new Checkout(env, branch, tip, export(repo, tip), true, note);
    }

    /** Why the commit may not be applied (unsigned, bad or unknown signature), or null. */
    private String refusal(Repository repo, String commit) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            if (c.getRawGpgSignature() == null) {
                return "it is not signed";
            }
            Config cfg = new Config();
            cfg.setString("gpg", "ssh", "allowedSignersFile", allowedSigners.toString());
            SignatureVerifier.SignatureVerification v = SignatureVerifiers.verify(repo, new GpgConfig(cfg), c);
            if (v == null) {
                return "its signature is not an SSH signature";
            }
            return v.verified() ? null : v.message();
        } catch (IOException | RuntimeException e) {
            return "its signature cannot be checked: " + e.getMessage();
        }
    }

    /** The commit's tree (under the remote's root, at its mountpoint) as files; reused when already written. */
    private Path export(Repository repo, String commit) throws IOException {
        Path trees = home.resolve("trees");
        String suffix = Integer.toHexString((remote.root() + "\0" + remote.mountpoint()).hashCode());
        Path out = trees.resolve(commit + "-" + suffix);
        if (Files.exists(out.resolve(".complete"))) {
            Files.setLastModifiedTime(out, FileTime.fromMillis(System.currentTimeMillis()));
            return out;
        }
        Path tmp = trees.resolve(".partial-" + ProcessHandle.current().pid());
        delete(tmp);
        Path base = remote.mountpoint().isEmpty() ? tmp : tmp.resolve(remote.mountpoint());
        Files.createDirectories(base);
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            if (!remote.root().isEmpty()) {
                tw.setFilter(PathFilter.create(remote.root()));
            }
            String prefix = remote.root().isEmpty() ? "" : remote.root() + "/";
            while (tw.next()) {
                String path = tw.getPathString();
                if (!path.startsWith(prefix)) {
                    continue;
                }
                Path dest = base.resolve(path.substring(prefix.length()));
                Files.createDirectories(dest.getParent());
                FileMode mode = tw.getFileMode(0);
                byte[] data = repo.open(tw.getObjectId(0)).getBytes();
                if (mode == FileMode.SYMLINK) {
                    Files.createSymbolicLink(dest, Path.of(new String(data, StandardCharsets.UTF_8)));
                } else if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    try (OutputStream o = Files.newOutputStream(dest)) {
                        o.write(data);
                    }
                    if (mode == FileMode.EXECUTABLE_FILE) {
                        Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        Files.createFile(tmp.resolve(".complete"));
        Files.move(tmp, out);
        prune(trees, out);
        return out;
    }

    private static void prune(Path trees, Path keep) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(trees)) {
            all = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted(Comparator.comparing((Path p) -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    return FileTime.fromMillis(0);
                }
            }).reversed()).toList();
        }
        for (int i = TREES_KEPT; i < all.size(); i++) {
            if (!all.get(i).equals(keep)) {
                delete(all.get(i));
            }
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    private String readGood(String branch) throws IOException {
        Path f = home.resolve("good").resolve(branch.replace('/', '%'));
        return Files.isRegularFile(f) ? Files.readString(f).strip() : null;
    }

    private void writeGood(String branch, String commit) throws IOException {
        Path f = home.resolve("good").resolve(branch.replace('/', '%'));
        Files.createDirectories(f.getParent());
        if (!commit.equals(readGood(branch))) {
            Path tmp = f.resolveSibling("." + f.getFileName() + ".tmp");
            Files.writeString(tmp, commit + "\n");
            Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
