package agent.grains;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** disks and ssds as Salt lists them: block devices that are not virtual, by queue/rotational. */
final class BlockGrains {

    static final Set<String> KEYS = Set.of("disks", "ssds");

    private BlockGrains() {
    }

    static Map<String, Object> collect(HostFacts host) {
        List<String> disks = new ArrayList<>();
        List<String> ssds = new ArrayList<>();
        for (String dev : host.list("sys/block")) {
            if (host.realPath("sys/block/" + dev).startsWith("/sys/devices/virtual/")) {
                continue;
            }
            switch (host.read("sys/block/" + dev + "/queue/rotational").strip()) {
                case "0" -> ssds.add(dev);
                case "1" -> disks.add(dev);
                default -> {
                    // no queue: not a disk
                }
            }
        }
        return Map.of("disks", disks, "ssds", ssds);
    }
}
