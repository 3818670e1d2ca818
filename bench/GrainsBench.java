import agent.grains.CoreGrains;
import agent.grains.Grains;
import agent.host.Commands;
import java.util.Arrays;

/** Core grains computed again and again in one process: the in-process cost, once warm. */
public class GrainsBench {
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        CoreGrains core = new CoreGrains(new Commands());
        long first = System.nanoTime();
        core.collect(null, "bench");
        first = System.nanoTime() - first;
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            Grains g = core.collect(null, "bench");
            times[i] = System.nanoTime() - t;
            if (g.computed("cpu_model")) {
                throw new AssertionError("hardware grains computed without being asked for");
            }
        }
        Arrays.sort(times);
        System.out.printf("core grains in-process: first %.2f ms, then median %.3f ms, p95 %.3f ms (%d rounds)%n",
                first / 1e6, times[rounds / 2] / 1e6, times[rounds * 95 / 100] / 1e6, rounds);
    }
}
