package agent.modules.file;

import agent.spi.Call;
import agent.spi.FileSource;
import agent.spi.SourceTree;
import agent.spi.StateException;
import java.util.ArrayList;
import java.util.List;

/**
 * file.recurse's {@code source}: salt:// folders only; of a list, the first that exists in the
 * state roots (a file there stops the search, and the state, as in Salt).
 *
 * @param url     the chosen folder as salt://path, without a query or a trailing '/'
 * @param saltenv the environment it was found in ({@code ?saltenv=} wins over the state's own)
 */
record RecurseSource(String url, String saltenv, SourceTree tree) {

    static RecurseSource resolve(Call call) throws StateException {
        List<String> candidates = new ArrayList<>();
        for (String c : Sources.candidates(call.raw("source"))) {
            String trimmed = c;
            while (trimmed.endsWith("/") && trimmed.length() > "salt://".length()) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            if (!trimmed.startsWith("salt://")) {
                throw new StateException("Invalid source '" + trimmed + "' (must be a salt:// URI)");
            }
            candidates.add(trimmed);
        }
        String env = call.string("__env__", "base");
        FileSource files = call.context().files();
        try {
            for (String c : candidates) {
                String path = pathOf(c);
                String senv = saltenvOf(c, env);
                var tree = files.directory(c, env);
                if (tree.isPresent()) {
                    return new RecurseSource("salt://" + path, senv, tree.get());
                }
                if (files.find(c, env).isPresent()) {
                    throw new StateException("The directory '" + path + "' does not exist on the salt fileserver in saltenv '"
                            + senv + "'");
                }
            }
        } catch (SecurityException e) {
            throw new StateException(e.getMessage());
        }
        throw new StateException("Recurse failed: none of the specified sources were found");
    }

    private static String pathOf(String url) {
        String rel = url.substring("salt://".length());
        int q = rel.indexOf('?');
        return q >= 0 ? rel.substring(0, q) : rel;
    }

    private static String saltenvOf(String url, String dflt) {
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String kv : url.substring(q + 1).split("&")) {
                if (kv.startsWith("saltenv=") && kv.length() > "saltenv=".length()) {
                    return kv.substring("saltenv=".length());
                }
            }
        }
        return dflt;
    }
}
