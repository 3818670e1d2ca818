package agent.modules.pkg;

import java.util.ArrayList;
import java.util.List;

/** Salt's comment lines after an install: what was installed, what already was, what failed. */
final class InstallSummary {

    private InstallSummary() {
    }

    static List<String> lines(List<String> modified, List<String> alreadyInstalled, List<String> failed) {
        List<String> out = new ArrayList<>();
        if (!failed.isEmpty()) {
            out.add("The following packages failed to install/update: " + String.join(", ", failed));
        }
        if (!modified.isEmpty()) {
            String summary = String.join(", ", modified);
            out.add(summary.length() < 20 ? "The following packages were installed/updated: " + summary
                    : modified.size() + " targeted package" + (modified.size() > 1 ? "s were" : " was") + " installed/updated.");
        }
        if (!alreadyInstalled.isEmpty()) {
            out.add(alreadyInstalled.size() <= 20
                    ? "The following packages were already installed: " + String.join(", ", alreadyInstalled)
                    : alreadyInstalled.size() + " targeted packages were already installed");
        }
        return out;
    }
}
