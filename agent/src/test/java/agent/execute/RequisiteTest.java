package agent.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import agent.testing.Tree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Order of side effects under each requisite, observed through a log the states append to. */
class RequisiteTest {

    @TempDir
    Path dir;
    Tree tree;
    Path log;

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
        log = dir.resolve("log");
    }

    private String step(String id, String extra) {
        return id + ":\n  cmd.run:\n    - name: echo " + id + " >> " + log + "\n" + extra;
    }

    private List<String> logged() throws Exception {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private AgentRun.Outcome apply(String sls, String... more) {
        Path file = tree.write("t.sls", sls);
        String[] args = new String[3 + more.length];
        args[0] = "apply";
        args[1] = file.toString();
        args[2] = "--no-color";
        System.arraycopy(more, 0, args, 3, more.length);
        return AgentRun.run(args);
    }

    @Test
    void statesRunInTheOrderWritten() throws Exception {
        var r = apply(step("c", "") + step("a", "") + step("b", ""));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("c", "a", "b"), logged());
    }

    @Test
    void aRequiredStateThatHasNotRunYetRunsFirst() throws Exception {
        var r = apply(step("first", "    - require:\n      - cmd: second\n") + step("second", ""));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("second", "first"), logged());
    }

    @Test
    void requireInMakesTheTargetWait() throws Exception {
        var r = apply(step("x", "") + step("y", "    - require_in:\n      - cmd: x\n"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("y", "x"), logged());
    }

    @Test
    void watchInOnchangesInAndOnfailIn() throws Exception {
        var r = apply("changed:\n  test.succeed_with_changes:\n    - watch_in:\n      - cmd: handler\n    - onchanges_in:\n      - cmd: on-change\n"
                + "failed:\n  test.fail_without_changes:\n    - onfail_in:\n      - cmd: rescue\n"
                + "handler:\n  cmd.wait:\n    - name: echo handler >> " + log + "\n"
                + step("on-change", "") + step("rescue", ""));
        assertEquals(2, r.exit(), r::toString);
        assertEquals(List.of("handler", "on-change", "rescue"), logged());
    }

    @Test
    void aStateRequiringAFailedStateDoesNotRun() throws Exception {
        var r = apply("broken:\n  cmd.run:\n    - name: exit 3\n" + step("after", "    - require:\n      - cmd: broken\n")
                + step("independent", ""));
        assertEquals(2, r.exit(), r::toString);
        assertEquals(List.of("independent"), logged());
        assertTrue(r.out().contains("Comment: One or more requisite failed: t.broken"), r.out());
    }

    @Test
    void orderFirstAndLastAndNumbers() throws Exception {
        var r = apply(step("m", "") + step("z", "    - order: last\n") + step("a", "    - order: first\n")
                + step("n", "    - order: 1\n"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("a", "n", "m", "z"), logged());
    }

    @Test
    void watchRunsModWatchAfterTheStateWhenTheWatchedStateChanged() throws Exception {
        var r = apply(step("changes", "")
                + "handler:\n  cmd.wait:\n    - name: echo handler >> " + log + "\n    - watch:\n      - cmd: changes\n"
                + step("later", ""));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("changes", "handler", "later"), logged());
    }

    @Test
    void cmdWaitDoesNothingWhenTheWatchedStateDidNotChange() throws Exception {
        var r = apply("quiet:\n  test.succeed_without_changes\n"
                + "handler:\n  cmd.wait:\n    - name: echo handler >> " + log + "\n    - watch:\n      - test: quiet\n");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of(), logged());
    }

    @Test
    void onchangesRunsOnlyAfterAChange() throws Exception {
        var r = apply("changed:\n  test.succeed_with_changes\nsame:\n  test.succeed_without_changes\n"
                + step("on-changed", "    - onchanges:\n      - test: changed\n")
                + step("on-same", "    - onchanges:\n      - test: same\n"));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("on-changed"), logged());
    }

    @Test
    void onfailRunsOnlyAfterAFailure() throws Exception {
        var r = apply("bad:\n  test.fail_without_changes\ngood:\n  test.succeed_without_changes\n"
                + step("rescue-bad", "    - onfail:\n      - test: bad\n")
                + step("rescue-good", "    - onfail:\n      - test: good\n"));
        assertEquals(2, r.exit(), r::toString);
        assertEquals(List.of("rescue-bad"), logged());
    }

    @Test
    void listenersRunOnceAtTheVeryEndInDeclaredOrderOnlyIfAListenedStateChanged() throws Exception {
        var r = apply("handler-b:\n  cmd.wait:\n    - name: echo handler-b >> " + log + "\n"
                + "handler-a:\n  cmd.wait:\n    - name: echo handler-a >> " + log + "\n"
                + "handler-c:\n  cmd.wait:\n    - name: echo handler-c >> " + log + "\n"
                + step("one", "    - listen_in:\n      - cmd: handler-a\n      - cmd: handler-b\n")
                + step("two", "    - listen_in:\n      - cmd: handler-a\n")
                + "nothing:\n  test.succeed_without_changes:\n    - listen_in:\n      - cmd: handler-c\n"
                + step("last", ""));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("one", "two", "last", "handler-a", "handler-b"), logged());
    }

    @Test
    void listenOnTheListenerSide() throws Exception {
        var r = apply("restart:\n  cmd.wait:\n    - name: echo restart >> " + log + "\n    - listen:\n      - cmd: conf\n"
                + step("conf", "") + step("after", ""));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("conf", "after", "restart"), logged());
        assertTrue(r.out().contains("Name: echo restart >> " + log + " - Function: cmd.mod_watch - Result: Changed"), r.out());
    }

    @Test
    void aListenersModWatchSeesTheListenedStatesThatChangedWithTheirRunNumbers() throws Exception {
        var r = apply("handler:\n  test.succeed_without_changes:\n    - listen:\n      - cmd: one\n      - test: quiet\n"
                + step("one", "") + "quiet:\n  test.succeed_without_changes: []\n", "--out", "json");
        assertEquals(0, r.exit(), r::toString);
        var handler = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("local")
                .get("test_|-listener_handler_|-handler_|-mod_watch");
        assertEquals("[\"cmd: one\"]", handler.get("changes").get("Requisites with changes").toString(), r::toString);
    }

    @Test
    void prereqRunsBeforeItsTargetOnlyWhenTheTargetWouldChange() throws Exception {
        Path target = dir.resolve("target.txt");
        String sls = step("graceful-stop", "    - prereq:\n      - file: " + target + "\n")
                + target + ":\n  file.managed:\n    - contents: v1\n";
        var r = apply(sls);
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("graceful-stop"), logged());
        assertEquals("v1\n", Files.readString(target));
        var again = apply(sls);
        assertEquals(0, again.exit(), again::toString);
        assertEquals(List.of("graceful-stop"), logged());
    }

    @Test
    void useCopiesTheArgumentsOfAnotherState() throws Exception {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        var r = apply(a + ":\n  file.managed:\n    - contents: shared\n    - mode: 600\n"
                + b + ":\n  file.managed:\n    - use:\n      - file: " + a + "\n");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("shared\n", Files.readString(b));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(b)));
    }

    @Test
    void slsRequisiteWaitsForEveryStateOfThatFile() throws Exception {
        tree.write("other.sls", step("o1", "") + step("o2", ""));
        Path file = tree.write("main.sls", "include:\n  - other\n" + step("m", "    - require:\n      - sls: other\n"));
        var r = AgentRun.run("apply", file.toString(), "--no-color");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("o1", "o2", "m"), logged());
    }

    @Test
    void bareIdRequisite() throws Exception {
        var r = apply(step("a", "    - require:\n      - b\n") + step("b", ""));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("b", "a"), logged());
    }

    @Test
    void failhardStopsTheRunButListenersStillRun() throws Exception {
        var r = apply(step("one", "") + "boom:\n  cmd.run:\n    - name: 'false'\n    - failhard: True\n" + step("never", ""));
        assertEquals(2, r.exit(), r::toString);
        assertEquals(List.of("one"), logged());
        var global = apply(step("one", "") + "boom2:\n  cmd.run:\n    - name: 'false'\n" + step("never", ""), "--failhard");
        assertEquals(2, global.exit(), global::toString);
        assertEquals(List.of("one", "one"), logged());
    }
}
