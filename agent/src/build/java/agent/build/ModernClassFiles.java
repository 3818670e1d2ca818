package agent.build;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the class files of the distribution jar that are older than Java 6 (jinjava's bundled
 * expression-language classes are Java 5) as Java 8 class files, with the stack maps the JVM's
 * verifier wants. The AOT cache leaves old class files out, so without this about 150 classes
 * that every Jinja render needs are parsed and verified, by the old slow verifier, on each run.
 * The code itself is unchanged. Usage: ModernClassFiles JAR (rewritten in place).
 */
public final class ModernClassFiles {

    private static final int JAVA_6 = ClassFile.JAVA_6_VERSION;
    private static final int TARGET = ClassFile.JAVA_8_VERSION;

    private ModernClassFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, Long> times = new LinkedHashMap<>();
        read(jar, entries, times);
        ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS, ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(
                        (ClassDesc c) -> stream(entries, internalName(c) + ".class")))));
        int upgraded = 0;
        int kept = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().endsWith(".class") || majorVersion(e.getValue()) >= JAVA_6) {
                continue;
            }
            try {
                e.setValue(upgrade(classFile, e.getValue()));
                upgraded++;
            } catch (IllegalArgumentException | IllegalStateException ex) {
                // Code the stack-map generator cannot follow (jsr/ret) stays as it was.
                kept++;
            }
        }
        write(jar, entries, times);
        System.out.println("ModernClassFiles: " + upgraded + " class files upgraded to Java 8"
                + (kept == 0 ? "" : ", " + kept + " left as they were"));
    }

    private static byte[] upgrade(ClassFile classFile, byte[] bytes) {
        ClassModel model = classFile.parse(bytes);
        // Passing every method body through a transform (not ACCEPT_ALL, which the library may
        // short-cut) makes it write the code anew, with the stack maps version 52 must carry.
        CodeTransform copy = (code, element) -> code.with(element);
        ClassTransform newVersion = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(TARGET, 0);
            } else {
                builder.with(element);
            }
        };
        return classFile.transformClass(model, newVersion.andThen(ClassTransform.transformingMethodBodies(copy)));
    }

    private static int majorVersion(byte[] bytes) {
        return ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
    }

    private static String internalName(ClassDesc c) {
        String d = c.descriptorString();
        return d.substring(1, d.length() - 1);
    }

    private static InputStream stream(Map<String, byte[]> entries, String name) {
        byte[] b = entries.get(name);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    /** Every entry and its time, in the jar's order (the manifest stays first). */
    private static void read(Path jar, Map<String, byte[]> entries, Map<String, Long> times) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                    times.put(e.getName(), e.getTime());
                }
            }
        }
    }

    private static void write(Path jar, Map<String, byte[]> entries, Map<String, Long> times) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(times.get(e.getKey()));
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
