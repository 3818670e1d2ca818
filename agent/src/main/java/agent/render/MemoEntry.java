package agent.render;

import java.util.List;

/**
 * One remembered render ({@link CachingRenderer}): digests of what it depended on, its output, and
 * when a run last used it (seconds since the epoch).
 *
 * @param name   the template as shown to users (its path, or salt:// source)
 * @param text   the digest of the template's text
 * @param vars   the digest of its variables but grains, pillar and opts (sls, tpldir, context ...)
 * @param reads  what it read of grains, pillar and opts
 * @param files  the template files it read
 */
record MemoEntry(String name, Digest text, Digest vars, List<Read> reads, List<FileRef> files, byte[] output, long stamp) {

    /**
     * What a render read of grains, pillar or opts, and the digest of what it found: one
     * top-level key, the number of keys ({@link #SIZE}), or the whole mapping (key null).
     */
    record Read(String source, String key, Digest digest) {
    }

    /** The key of a {@link Read} of the number of keys: not a key a mapping of strings can hold. */
    static final String SIZE = "\0size";

    /** A template file the render read: its name as the template gave it, and its digest (null: missing). */
    record FileRef(String name, boolean missing, Digest digest) {
    }

    MemoEntry stamped(long now) {
        return new MemoEntry(name, text, vars, reads, files, output, now);
    }
}
