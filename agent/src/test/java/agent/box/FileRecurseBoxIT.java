package agent.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** file.recurse with owners, in a box: the arguments the users formula passes, applied for real. */
@BoxTest
class FileRecurseBoxIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode only(TestBox.Result run) throws Exception {
        return JSON.readTree(run.out()).get("local").elements().next();
    }

    @Test
    void ownersModesAndLinksAsTheUsersFormulaAsksForThem(TestBox box) throws Exception {
        assertEquals(0, box.sh("groupadd primarygroup && useradd -g primarygroup -d /home/buser buser").exit());
        box.write("/srv/salt/users/files/user/buser/.bashrc", "export EDITOR=vi\n");
        box.write("/srv/salt/users/files/user/buser/.config/app/settings", "a=1\n");
        box.write("/srv/salt/users/files/user/buser/.gitignore", "*.o\n");
        assertEquals(0, box.sh("cd /srv/salt/users/files/user/buser && chmod 0600 .config/app/settings"
                + " && chmod 0755 .bashrc && mkdir -p .local/empty && ln -s .bashrc .profile").exit());
        box.state("u.sls", """
                users_userfiles_buser_recursive:
                  file.recurse:
                    - name: /home/buser
                    - source: salt://users/files/user/buser
                    - user: buser
                    - group: primarygroup
                    - clean: False
                    - file_mode: keep
                    - sym_mode: 640
                    - exclude_pat: "*.gitignore"
                    - include_empty: True
                    - keep_symlinks: True
                """);
        JsonNode predicted = only(box.apply("u", "--test", "--out", "json"));
        assertTrue(predicted.get("result").isNull(), predicted::toString);
        assertFalse(box.exists("/home/buser/.bashrc") && box.read("/home/buser/.bashrc").contains("EDITOR"));

        var run = box.apply("u", "--out", "json");
        assertEquals(0, run.exit(), run::toString);
        assertEquals("buser:primarygroup", stat(box, "/home/buser").split(" ")[0], "the folder is made for them");
        assertEquals("buser:primarygroup 755", stat(box, "/home/buser/.bashrc"));
        assertEquals("buser:primarygroup 600", stat(box, "/home/buser/.config/app/settings"));
        assertEquals("buser:primarygroup", stat(box, "/home/buser/.config").substring(0, "buser:primarygroup".length()));
        assertTrue(box.exists("/home/buser/.local/empty"), "include_empty");
        assertEquals(".bashrc", box.run("readlink", "/home/buser/.profile").out().strip());
        assertEquals("buser:primarygroup", box.run("stat", "-c", "%U:%G", "/home/buser/.profile").out().strip(),
                "the link itself is theirs");
        assertFalse(box.exists("/home/buser/.gitignore"), "exclude_pat");

        var again = box.apply("u", "--out", "json");
        JsonNode same = only(again);
        assertTrue(same.get("result").asBoolean(), same::toString);
        assertEquals(0, same.get("changes").size(), same::toString);
        assertEquals("The directory /home/buser is in the correct state", same.get("comment").asText());

        box.state("nobody.sls", "/srv/x:\n  file.recurse:\n    - source: salt://users/files\n    - user: ghost\n");
        JsonNode noUser = only(box.apply("nobody", "--out", "json"));
        assertFalse(noUser.get("result").asBoolean());
        assertEquals("User ghost is not available ", noUser.get("comment").asText());
    }

    private static String stat(TestBox box, String path) {
        return box.run("stat", "-c", "%U:%G %a", path).out().strip();
    }
}
