package agent.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The render memo's file: a version line, the build that wrote it, then the entries, in binary.
 * {@link #store} also writes the plan memo's files.
 */
public final class MemoFile {

    private static final String MAGIC = "agent render memo 3";

    private MemoFile() {
    }

    /** The entries written by {@code build}; none when the file is from another build. */
    static List<MemoEntry> read(byte[] content, String build) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(content));
        List<MemoEntry> entries = new ArrayList<>();
        if (!MAGIC.equals(in.readUTF()) || !build.equals(in.readUTF())) {
            return entries;
        }
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            Digest text = readDigest(in);
            Digest vars = readDigest(in);
            int readCount = in.readInt();
            List<MemoEntry.Read> reads = new ArrayList<>(readCount);
            for (int r = 0; r < readCount; r++) {
                String source = in.readUTF();
                boolean wholeMap = in.readBoolean();
                String key = in.readUTF();
                reads.add(new MemoEntry.Read(source, wholeMap ? null : key, readDigest(in)));
            }
            int fileCount = in.readInt();
            List<MemoEntry.FileRef> files = new ArrayList<>(fileCount);
            for (int f = 0; f < fileCount; f++) {
                String fileName = in.readUTF();
                boolean missing = in.readBoolean();
                files.add(new MemoEntry.FileRef(fileName, missing, missing ? null : readDigest(in)));
            }
            byte[] output = new byte[in.readInt()];
            in.readFully(output);
            entries.add(new MemoEntry(name, text, vars, reads, files, output, in.readLong()));
        }
        return entries;
    }

    static byte[] write(String build, List<MemoEntry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeUTF(build);
            out.writeInt(entries.size());
            for (MemoEntry e : entries) {
                out.writeUTF(e.name());
                writeDigest(out, e.text());
                writeDigest(out, e.vars());
                out.writeInt(e.reads().size());
                for (MemoEntry.Read r : e.reads()) {
                    out.writeUTF(r.source());
                    out.writeBoolean(r.key() == null);
                    out.writeUTF(r.key() == null ? "" : r.key());
                    writeDigest(out, r.digest());
                }
                out.writeInt(e.files().size());
                for (MemoEntry.FileRef f : e.files()) {
                    out.writeUTF(f.name());
                    out.writeBoolean(f.missing());
                    if (!f.missing()) {
                        writeDigest(out, f.digest());
                    }
                }
                out.writeInt(e.output().length);
                out.write(e.output());
                out.writeLong(e.stamp());
            }
        }
        return bytes.toByteArray();
    }

    static Digest readDigest(java.io.DataInput in) throws IOException {
        byte[] b = new byte[Digest.LENGTH];
        in.readFully(b);
        return Digest.fromBytes(b);
    }

    public static void writeDigest(DataOutputStream out, Digest d) throws IOException {
        out.write(d.bytes());
    }

    /** Replaces the file whole (readers see the old one or the new one), readable by root only. */
    public static void store(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        // Named here rather than by Files.createTempFile, whose SecureRandom costs a cold start 10 ms.
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
