package agent.modules.file;

import agent.host.FileStat;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read-only questions about files, for templates: salt['file.file_exists'](path) and friends. */
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
        f.put("access", c -> c.context().host().files().exists(path(c)));
        f.put("readlink", c -> {
            FileStat st = stat(c, false);
            if (!st.isSymlink()) {
                throw new IllegalArgumentException("A valid link was not specified.");
            }
            return st.linkTarget();
        });
        f.put("read", FileExecution::read);
        f.put("contains", c -> read(c).contains(Values.text(c.required(1, "text"))));
        f.put("get_mode", c -> {
            FileStat st = stat(c, true);
            return st.exists() ? st.octalMode() : "";
        });
        f.put("basename", c -> path(c).getFileName().toString());
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

    private static String read(ExecCall c) throws IOException {
        return c.context().host().files().readStrictText(path(c));
    }

    private static Path path(ExecCall c) {
        return Path.of(Values.text(c.required(0, "path")));
    }

    private static FileStat stat(ExecCall c, boolean follow) {
        var files = c.context().host().files();
        return follow ? files.statFollow(path(c)) : files.stat(path(c));
    }
}
