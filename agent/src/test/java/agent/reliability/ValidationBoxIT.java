package agent.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real apply, as root in a test box, of a tree holding a hostile value for the name and every
 * identifier argument of every state function (thousands of states in one run): it is refused
 * as a whole, with one message per state, and nothing on the box changes.
 */
@BoxTest
class ValidationBoxIT {

    /**
     * Everything changed since the mark, but the mark, the kernel's file systems, the state tree,
     * /run (where a real run takes its lock, /run/agent, before it compiles) and the job cache (a
     * refused run is a result like any other, recorded as salt-call records it).
     */
    private static final String UNCHANGED = "find / -xdev -newer /tmp/.before ! -path /tmp/.before ! -path '/proc/*' "
            + "! -path '/sys/*' ! -path '/dev/*' ! -path /run ! -path '/run/*' ! -path /tmp ! -path /srv/salt "
            + "! -path '/srv/salt/*' ! -path /var/cache ! -path /var/cache/agent ! -path '/var/cache/agent/jobs*' -print";

    @Test
    void hostileIdentifiersApplyNothing(TestBox box) {
        List<SchemaCases.Case> cases = new SchemaCases().hostileNames();
        StringBuilder sls = new StringBuilder("marker:\n  file.managed:\n    - name: /srv/applied\n    - contents: x\n");
        for (int i = 0; i < cases.size(); i++) {
            sls.append(cases.get(i).sls().replaceFirst("^bad:", "bad-" + i + ":").replace("MARK", "/srv/applied-" + i));
        }
        box.state("hostile.sls", sls.toString());
        assertEquals(0, box.sh("touch /tmp/.before && sleep 1").exit());
        for (String[] command : new String[][] {{"hostile"}, {"hostile", "--test"}}) {
            TestBox.Result r = box.apply(command);
            assertEquals(1, r.exit(), r::toString);
            // stdout as salt-call prints a run that failed to compile; stderr a line per refusal.
            assertTrue(r.out().startsWith("local:\n    Data failed to compile:\n"), r::toString);
            long refused = r.err().lines().filter(l -> l.startsWith("agent: error: /srv/salt/hostile.sls, line ")).count();
            assertEquals(cases.size(), refused, "one message per hostile state:\n" + r.err());
            assertTrue(!Refusal.JAVA.matcher(r.err()).find(), r::toString);
        }
        TestBox.Result changed = box.sh(UNCHANGED);
        assertEquals("", changed.out(), "the refused runs changed the box");
    }
}
