package agent.app;

import agent.compile.HighStateBuilder;
import agent.compile.Low;
import agent.compile.Origin;
import agent.loader.SlsFile;
import agent.loader.StateTree;
import agent.render.CachingRenderer;
import agent.render.Digest;
import agent.render.MemoFile;
import agent.render.SlsRenderer;
import agent.render.TemplateDigest;
import agent.secrets.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A planner in front of compilation: a run's pillar and low chunks, remembered for the next run
 * of the same command with the same configuration, with the files they came from. That run reuses
 * them, without reading YAML or compiling, when its top files assign the same SLS files and each
 * file it used is where it was, holds the same text and, if it holds Jinja, would render the same:
 * the {@link CachingRenderer} still has its render, and what that render read of grains and opts
 * and the files it imported are unchanged. What a render read of pillar needs no check: pillar comes from the files rendered
 * before it, all unchanged. Otherwise the run reads and compiles as usual, and is remembered.
 *
 * <p>Kept in {@code cachedir/plans}, a file per command, readable by root only. Nothing is kept
 * from a run that knows a secret (pillar {@code secrets}, {@code !secret}, a password argument),
 * nor from one whose renders could not all be remembered or that matched files by a glob.
 */
public final class CachingPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(CachingPlanner.class);
    private static final String MAGIC = "agent plan memo 3";
    private static final int KEEP = 16;

    /** A file the run rendered: where it was found, digests of its text, and of Jinja's output (null: no Jinja). */
    record FileUse(String env, String sls, String path, Digest source, Digest body, Digest output) {
    }

    /** The pillar part: top file matches, the files, the pillar. */
    private record PillarPart(Map<String, List<String>> matches, List<FileUse> uses, Map<String, Object> pillar) {
    }

    /** The states part: the targets, the files, the chunks. */
    private record StatesPart(List<List<String>> targets, List<FileUse> uses, List<Low> lows) {
    }

    /** Chunks compiled, and whether a glob matched the files they came from (such a plan is not kept). */
    record Compiled(List<Low> lows, boolean usedGlobs) {
    }

    private final Path file;
    private final byte[] key;
    private final CachingRenderer renders;
    private final SlsRenderer renderer;
    private PillarPart pillarPart;
    private StatesPart statesPart;
    private boolean fresh;
    private boolean pillarRemembered;
    private final List<FileUse> recording = new ArrayList<>();

    private CachingPlanner(Path file, byte[] key, CachingRenderer renders, SlsRenderer renderer) {
        this.file = file;
        this.key = key;
        this.renders = renders;
        this.renderer = renderer;
    }

    /** Never remembers: compiles every time. */
    static CachingPlanner off(SlsRenderer renderer) {
        return new CachingPlanner(null, null, null, renderer);
    }

    /**
     * The plan remembered for this command and configuration under {@code dir}, if any.
     *
     * @param command what identifies the command: its arguments, the working folder, the build
     */
    static CachingPlanner open(Path dir, List<Object> command, Map<String, Object> opts, CachingRenderer renders,
                               SlsRenderer renderer) {
        byte[] key;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            PlainData.write(out, command);
            PlainData.write(out, opts);
            key = bytes.toByteArray();
        } catch (IOException e) {
            return off(renderer);
        }
        Path file = dir.resolve(TemplateDigest.of(key).toString());
        CachingPlanner memo = new CachingPlanner(file, key, renders, renderer);
        try {
            memo.read(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            // Never run before.
        } catch (IOException | RuntimeException e) {
            LOG.debug("plan memo {} not used: {}", file, e.toString());
            memo.pillarPart = null;
            memo.statesPart = null;
        }
        agent.Timing.mark("plan memo read");
        return memo;
    }

    /**
     * The run's pillar: the remembered one when the pillar top file assigns the same files and
     * none changed; else {@code compile}'s, remembered.
     */
    Map<String, Object> pillar(Map<String, List<String>> matches, StateTree roots, Map<String, Object> grains,
                               Map<String, Object> opts, Supplier<Map<String, Object>> compile) {
        PillarPart p = pillarPart;
        if (p != null && p.matches().equals(matches) && unchanged(p.uses(), roots, grains, opts)) {
            pillarRemembered = true;
            agent.Timing.mark("pillar remembered");
            return p.pillar();
        }
        pillarPart = null;
        Map<String, Object> pillar = recording(compile);
        pillarPart = new PillarPart(matches, List.copyOf(recording), pillar);
        fresh = true;
        return pillar;
    }

    /**
     * The run's chunks: the remembered ones when this run's pillar is the remembered one, the
     * targets are the same and none of their files changed; else {@code compile}'s, remembered
     * unless a glob matched their files.
     */
    List<Low> lows(List<HighStateBuilder.Target> targets, StateTree tree, Map<String, Object> grains,
                   Map<String, Object> opts, Supplier<Compiled> compile) {
        StatesPart s = statesPart;
        if (s != null && pillarRemembered && s.targets().equals(names(targets)) && unchanged(s.uses(), tree, grains, opts)) {
            agent.Timing.mark("chunks remembered");
            LOG.debug("plan remembered: the pillar and {} chunks of the last run", s.lows().size());
            return s.lows();
        }
        statesPart = null;
        Compiled compiled = recording(compile);
        statesPart = compiled.usedGlobs() ? null : new StatesPart(names(targets), List.copyOf(recording), compiled.lows());
        fresh = true;
        return compiled.lows();
    }

    /** What {@code compute} gives, noting every file the renderer renders meanwhile. */
    private <T> T recording(Supplier<T> compute) {
        recording.clear();
        if (file == null) {
            return compute.get();
        }
        renderer.listen((f, source, body, output) -> recording.add(new FileUse(f.env(), f.name(),
                f.path().toString(), TemplateDigest.of(source), TemplateDigest.of(body),
                output == null ? null : TemplateDigest.of(output))));
        try {
            return compute.get();
        } finally {
            renderer.listen(null);
        }
    }

    private static List<List<String>> names(List<HighStateBuilder.Target> targets) {
        return targets.stream().map(t -> List.of(t.env(), t.sls())).toList();
    }

    /** Each file still found where it was, with the same text, rendering the same. */
    private boolean unchanged(List<FileUse> uses, StateTree tree, Map<String, Object> grains, Map<String, Object> opts) {
        for (FileUse u : uses) {
            Optional<SlsFile> found = tree.find(u.env(), u.sls());
            if (found.isEmpty() || !found.get().path().toString().equals(u.path())) {
                return false;
            }
            String text;
            try {
                text = Files.readString(found.get().path(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return false;
            }
            if (!TemplateDigest.of(text).equals(u.source())) {
                return false;
            }
            if (u.output() != null && !renders.stillGives(u.path(), u.body(), u.output(), grains, opts,
                    SlsRenderer.loader(tree, u.env()))) {
                return false;
            }
        }
        return true;
    }

    /** Writes what this run compiled, when it may be kept (see the class comment). */
    void save() {
        if (file == null || !fresh || pillarPart == null || statesPart == null) {
            return;
        }
        try {
            for (FileUse u : concat(pillarPart.uses(), statesPart.uses())) {
                if (u.output() != null && !renders.remembers(u.path(), u.body(), u.output())) {
                    return;   // a render that could not be remembered: it is done again each run
                }
            }
            byte[] content = write();
            if (Secrets.appearIn(content)) {
                LOG.debug("plan not remembered: it holds a secret");
                return;
            }
            MemoFile.store(file, content);
            prune();
        } catch (IOException e) {
            LOG.debug("plan not remembered: {}", e.getMessage());
        }
    }

    private static List<FileUse> concat(List<FileUse> a, List<FileUse> b) {
        List<FileUse> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Keeps the plans of the most recently run commands. */
    private void prune() throws IOException {
        try (Stream<Path> s = Files.list(file.getParent())) {
            List<Path> plans = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted(
                    Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed()).toList();
            for (Path old : plans.subList(Math.min(KEEP, plans.size()), plans.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private byte[] write() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            PlainData.writeString(out, MAGIC);
            out.writeInt(key.length);
            out.write(key);
            PlainData.write(out, pillarPart.matches());
            writeUses(out, pillarPart.uses());
            PlainData.write(out, pillarPart.pillar());
            PlainData.write(out, statesPart.targets());
            writeUses(out, statesPart.uses());
            out.writeInt(statesPart.lows().size());
            for (Low low : statesPart.lows()) {
                PlainData.write(out, low.data());
                PlainData.write(out, low.origin().file());
                out.writeInt(low.origin().line());
            }
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private void read(byte[] content) throws IOException {
        PlainInput in = new PlainInput(content);
        if (!MAGIC.equals(in.readString())) {
            return;
        }
        byte[] stored = in.readBytes(in.readInt());
        if (!Arrays.equals(stored, key)) {
            return;   // another command whose key has the same digest
        }
        Map<String, List<String>> matches = (Map<String, List<String>>) PlainData.read(in);
        List<FileUse> pillarUses = readUses(in);
        Map<String, Object> pillar = (Map<String, Object>) PlainData.read(in);
        List<List<String>> targets = (List<List<String>>) PlainData.read(in);
        List<FileUse> stateUses = readUses(in);
        int count = in.readInt();
        List<Low> lows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> data = (Map<String, Object>) PlainData.read(in);
            String origin = (String) PlainData.read(in);
            lows.add(new Low(data, new Origin(origin, in.readInt())));
        }
        pillarPart = new PillarPart(matches, pillarUses, pillar);
        statesPart = new StatesPart(targets, stateUses, lows);
    }

    private static void writeUses(DataOutputStream out, List<FileUse> uses) throws IOException {
        out.writeInt(uses.size());
        for (FileUse u : uses) {
            PlainData.writeString(out, u.env());
            PlainData.writeString(out, u.sls());
            PlainData.writeString(out, u.path());
            MemoFile.writeDigest(out, u.source());
            MemoFile.writeDigest(out, u.body());
            out.writeBoolean(u.output() != null);
            if (u.output() != null) {
                MemoFile.writeDigest(out, u.output());
            }
        }
    }

    private static List<FileUse> readUses(PlainInput in) throws IOException {
        int n = in.readInt();
        List<FileUse> uses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String env = in.readString();
            String sls = in.readString();
            String path = in.readString();
            Digest source = Digest.fromBytes(in.readBytes(Digest.LENGTH));
            Digest body = Digest.fromBytes(in.readBytes(Digest.LENGTH));
            Digest output = in.readBoolean() ? Digest.fromBytes(in.readBytes(Digest.LENGTH)) : null;
            uses.add(new FileUse(env, sls, path, source, body, output));
        }
        return uses;
    }
}
