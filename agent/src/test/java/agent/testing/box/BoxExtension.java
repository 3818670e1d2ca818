package agent.testing.box;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Gives each test a fresh box and destroys it afterwards; skips (or, in CI, fails) without one. */
public final class BoxExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BoxExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        List<String> missing = missing();
        if (systemd(context)) {
            missing.addAll(missingForSystemd());
        }
        if (missing.isEmpty()) {
            return;
        }
        String why = "test box unavailable: " + String.join("; ", missing);
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(why + " (CI must be able to make the box)");
        }
        org.junit.jupiter.api.Assumptions.abort(why);
    }

    /** What this machine lacks to make a box. */
    static List<String> missing() {
        List<String> out = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            out.add("needs root");
        }
        for (String tool : List.of("unshare", "nsenter", "debootstrap", "chroot")) {
            if (agent.host.Commands.which(tool).isEmpty()
                    && !Files.isExecutable(Path.of("/usr/sbin", tool)) && !Files.isExecutable(Path.of("/usr/bin", tool))) {
                out.add("'" + tool + "' is not installed");
            }
        }
        if (!Files.isRegularFile(TestBox.home().resolve("agent/target/dist/lib/agent.jar"))) {
            out.add("the distribution is not built (bin/build)");
        }
        return out;
    }

    /** What a box booting systemd needs besides: setpriv, and a cgroup2 hierarchy to give it. */
    static List<String> missingForSystemd() {
        List<String> out = new ArrayList<>();
        if (agent.host.Commands.which("setpriv").isEmpty() && !Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            out.add("'setpriv' is not installed");
        }
        if (!Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))
                && !Files.exists(Path.of("/sys/fs/cgroup/unified/cgroup.controllers"))) {
            out.add("no cgroup2 hierarchy for systemd (neither /sys/fs/cgroup nor /sys/fs/cgroup/unified)");
        }
        return out;
    }

    private static boolean systemd(ExtensionContext e) {
        return org.junit.platform.commons.support.AnnotationSupport
                .findAnnotation(e.getRequiredTestClass(), BoxTest.class).map(BoxTest::systemd).orElse(false);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == TestBox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        String name = "t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        TestBox box = TestBox.fresh(name, systemd(e));
        // Stored AutoCloseables are closed when the test finishes: the box is destroyed.
        e.getStore(NS).put(name, box);
        return box;
    }
}
