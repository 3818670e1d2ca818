package agent.render;

import agent.render.jinja.Jinja;
import agent.render.jinja.RenderInputs;
import agent.render.jinja.TemplateRenderer;
import agent.render.jinja.WatchedMap;
import agent.secrets.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A renderer in front of {@link Jinja} that remembers renders from one run to the next. A render's output depends only on the
 * template's text, its variables, the template files it read and the calls it made. A render
 * whose calls all give the same answer in every run ({@link RenderInputs}) is remembered with
 * digests of the rest, down to the keys of grains, pillar and opts it read; a later run that
 * renders the same text and finds the same values and files reuses the output without building
 * Jinja at all.
 *
 * <p>Kept in {@code cachedir/renders}, readable by root only, for one build of the agent. It holds
 * digests, not data: no pillar value is written there, and an output holding a secret is not kept.
 */
public final class CachingRenderer implements TemplateRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(CachingRenderer.class);

    /** The template variables whose reads are noted key by key (the others are digested whole). */
    private static final Set<String> WATCHED = Set.of("grains", "pillar", "opts");
    /** A template no run has used for this long is forgotten. */
    private static final long KEEP_SECONDS = 30L * 24 * 3600;
    /** At most this many renders, and this many bytes of output, the most recently used first. */
    private static final int MAX_ENTRIES = 1000;
    private static final long MAX_OUTPUT_BYTES = 16L << 20;

    private final Jinja jinja;
    private final Path file;
    private final String build;
    private final Map<String, List<MemoEntry>> byName = new HashMap<>();
    // By identity: a record's own hashCode is linked through invokedynamic on first use (milliseconds, cold).
    private final Set<MemoEntry> current = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> rendered = new HashSet<>();
    private boolean changed;
    private int reused;
    private int byJinja;

    private CachingRenderer(Jinja jinja, Path file, String build, List<MemoEntry> entries) {
        this.jinja = jinja;
        this.file = file;
        this.build = build;
        for (MemoEntry e : entries) {
            byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
        }
    }

    /** Never remembers: every render goes to Jinja. */
    public static CachingRenderer off(Jinja jinja) {
        return new CachingRenderer(jinja, null, "", List.of());
    }

    /** Renders remembered in {@code file}; none when there is none, or it is from another build or unreadable. */
    public static CachingRenderer open(Path file, Jinja jinja) {
        String build = buildId();
        if (build == null) {
            return off(jinja);
        }
        List<MemoEntry> entries = List.of();
        try {
            entries = MemoFile.read(Files.readAllBytes(file), build);
        } catch (NoSuchFileException e) {
            // The first run: nothing remembered yet.
        } catch (IOException | RuntimeException e) {
            LOG.debug("render memo {} not used: {}", file, e.toString());
        }
        agent.Timing.mark("render memo read");
        return new CachingRenderer(jinja, file, build, entries);
    }

    /** The build of the agent this memo is for; empty when renders are not remembered. */
    public String build() {
        return file == null ? "" : build;
    }

    /** True when a memo file is there (so a run may not need Jinja at all). */
    public static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    /**
     * The output of rendering {@code text} with {@code vars}: the remembered one when this text,
     * what it read of these variables and the files it read are unchanged, else Jinja's (then
     * remembered).
     */
    @Override
    public String render(String text, String name, String displayName, Map<String, Object> vars, Jinja.Loader loader) {
        if (file == null) {
            return jinja.render(text, name, displayName, vars, loader);
        }
        rendered.add(displayName);
        Digest textDigest = TemplateDigest.of(text);
        Digest varsDigest = TemplateDigest.ofVars(vars, WATCHED);
        if (varsDigest != null) {
            for (MemoEntry e : byName.getOrDefault(displayName, List.of())) {
                if (e.text().equals(textDigest) && e.vars().equals(varsDigest) && sameReads(e, vars, null)
                        && sameFiles(e, loader)) {
                    current.add(e);
                    reused++;
                    return new String(e.output(), StandardCharsets.UTF_8);
                }
            }
        }
        byJinja++;
        RenderInputs inputs = new RenderInputs();
        Map<String, Object> watchedVars = new HashMap<>(vars);
        for (String source : WATCHED) {
            if (vars.get(source) instanceof Map<?, ?> data) {
                watchedVars.put(source, inputs.watch(source, typed(data)));
            }
        }
        String out = jinja.render(text, name, displayName, watchedVars, loader, inputs);
        List<MemoEntry.Read> reads = varsDigest == null || !inputs.repeatable() ? null : reads(inputs);
        if (reads != null) {
            List<MemoEntry.FileRef> files = new ArrayList<>();
            inputs.files().forEach((n, t) -> files.add(new MemoEntry.FileRef(n, t == null, t == null ? null : TemplateDigest.of(t))));
            MemoEntry e = new MemoEntry(displayName, textDigest, varsDigest, reads, files,
                    out.getBytes(StandardCharsets.UTF_8), 0);
            current.add(e);
            byName.computeIfAbsent(displayName, k -> new ArrayList<>()).add(0, e);
            changed = true;
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("render of {} not remembered: {}", displayName, inputs.repeatable()
                    ? "what it reads is not plain data" : "it calls " + inputs.unrepeatableCall());
        }
        return out;
    }

    /**
     * Whether this memo still gives {@code output} for the template {@code displayName} whose text
     * has digest {@code text}, trusting what it read of pillar and its other variables (the caller
     * knows them unchanged) and checking what it read of grains and opts, and its files.
     */
    public boolean stillGives(String displayName, Digest text, Digest output, Map<String, Object> grains,
                              Map<String, Object> opts, Jinja.Loader loader) {
        if (file == null) {
            return false;
        }
        Map<String, Object> vars = Map.of("grains", grains, "opts", opts);
        for (MemoEntry e : byName.getOrDefault(displayName, List.of())) {
            if (e.text().equals(text) && TemplateDigest.of(e.output()).equals(output) && sameReads(e, vars, "pillar")
                    && sameFiles(e, loader)) {
                current.add(e);
                return true;
            }
        }
        return false;
    }

    /** Whether this memo holds a render of the template {@code displayName} with these text and output digests. */
    public boolean remembers(String displayName, Digest text, Digest output) {
        for (MemoEntry e : byName.getOrDefault(displayName, List.of())) {
            if (e.text().equals(text) && TemplateDigest.of(e.output()).equals(output)) {
                return true;
            }
        }
        return false;
    }

    /** The digests of what the render read, or null when something it read has no canonical form. */
    private static List<MemoEntry.Read> reads(RenderInputs inputs) {
        List<MemoEntry.Read> reads = new ArrayList<>();
        for (Map.Entry<String, WatchedMap> w : inputs.watched().entrySet()) {
            Set<String> keys = w.getValue().keysRead();
            List<String> read = new ArrayList<>();
            if (keys == null) {
                read.add(null);
            } else {
                read.addAll(keys);
                if (w.getValue().sizeRead()) {
                    read.add(MemoEntry.SIZE);
                }
            }
            for (String key : read) {
                Digest digest = digest(w.getValue().data(), key);
                if (digest == null) {
                    return null;
                }
                reads.add(new MemoEntry.Read(w.getKey(), key, digest));
            }
        }
        return reads;
    }

    /** Whether every read but those of {@code trusted} finds what it found then. */
    private static boolean sameReads(MemoEntry e, Map<String, Object> vars, String trusted) {
        for (MemoEntry.Read r : e.reads()) {
            if (r.source().equals(trusted)) {
                continue;
            }
            if (!(vars.get(r.source()) instanceof Map<?, ?> data)) {
                return false;
            }
            Digest now = digest(typed(data), r.key());
            if (now == null || !now.equals(r.digest())) {
                return false;
            }
        }
        return true;
    }

    private static Digest digest(Map<String, Object> data, String key) {
        return MemoEntry.SIZE.equals(key) ? TemplateDigest.ofSize(data.size()) : TemplateDigest.ofRead(data, key);
    }

    private static boolean sameFiles(MemoEntry e, Jinja.Loader loader) {
        for (MemoEntry.FileRef f : e.files()) {
            String text;
            try {
                text = loader.load(f.name());
            } catch (IOException | RuntimeException missing) {
                text = null;
            }
            if (text == null ? !f.missing() : f.missing() || !TemplateDigest.of(text).equals(f.digest())) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> typed(Map<?, ?> data) {
        return (Map<String, Object>) data;
    }

    /**
     * Writes the memo when this run rendered something new. Kept: what this run used or added,
     * and of the templates it did not render (another command's) what a run used in the last 30
     * days; so a template's older versions do not pile up, and neither do one-off files.
     */
    public void save() {
        if (file != null) {
            LOG.debug("renders: {} remembered, {} by Jinja", reused, byJinja);
        }
        if (file == null || !changed) {
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        List<MemoEntry> keep = new ArrayList<>();
        byName.forEach((name, list) -> {
            for (MemoEntry e : list) {
                if (current.contains(e)) {
                    keep.add(e.stamped(now));
                } else if (!rendered.contains(name) && now - e.stamp() < KEEP_SECONDS) {
                    keep.add(e);
                }
            }
        });
        keep.sort(Comparator.comparingLong(MemoEntry::stamp).reversed());
        List<MemoEntry> written = new ArrayList<>();
        long bytes = 0;
        for (MemoEntry e : keep) {
            bytes += e.output().length;
            // A secret may have become known after the render (a state's password argument).
            if (written.size() < MAX_ENTRIES && bytes <= MAX_OUTPUT_BYTES && !holdsSecret(e.output())) {
                written.add(e);
            }
        }
        try {
            MemoFile.store(file, MemoFile.write(build, written));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("could not write the render memo {}: {}", file, e.getMessage());
        }
    }

    private static boolean holdsSecret(byte[] output) {
        if (!Secrets.any()) {
            return false;
        }
        String text = new String(output, StandardCharsets.UTF_8);
        return !Secrets.redact(text).equals(text);
    }

    /** This build of the agent (a memo from another build may have rendered differently), or null. */
    private static String buildId() {
        try (InputStream in = CachingRenderer.class.getResourceAsStream("/agent/build-id")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }
}
