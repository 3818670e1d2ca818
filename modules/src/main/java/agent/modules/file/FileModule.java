package agent.modules.file;

import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.List;

/** Files, folders and links. */
public final class FileModule implements StateModule {

    @Override
    public String name() {
        return "file";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(Managed.FUNCTION, Directory.FUNCTION, Symlink.FUNCTION, Absent.FUNCTION,
                Touch.FUNCTION, Append.FUNCTION, Replace.FUNCTION, Exists.EXISTS, Exists.MISSING, Recurse.FUNCTION);
    }

    @Override
    public String doc() {
        return "Manage files, directories and symbolic links. Every write is atomic.";
    }
}
