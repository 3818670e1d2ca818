package agent.box;

import static agent.box.Fixtures.apply;
import static agent.box.Fixtures.dpkg;
import static agent.box.Fixtures.installs;
import static agent.box.Fixtures.ok;
import static agent.box.Fixtures.spawned;
import static agent.box.Fixtures.state;
import static agent.box.Fixtures.updates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.box.BoxTest;
import agent.testing.box.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * pkg and pkgrepo applied for real in a box, against a tiny apt repository the test builds
 * (tinyone 1.0-1 and 2.0-1, tinytwo depending on tinyone) and serves over loopback HTTP.
 */
@BoxTest
class PkgStatesIT {

    private static String repoWithTinies(TestBox box) {
        String url = Fixtures.aptRepo(box);
        ok(box, "apt-repo package tinyone 1.0-1 && apt-repo package tinyone 2.0-1"
                + " && apt-repo package tinytwo 1.0-1 'tinyone (>= 1.0)' && apt-repo package tinythree 1.0-1");
        return url;
    }

    private static String source(String url) {
        return "deb [trusted=yes] " + url + " ./";
    }

    @Test
    void aListInstallsInOneTransactionAfterOneRefreshAndARerunSpawnsNothing(TestBox box) {
        String url = repoWithTinies(box);
        box.state("tinies.sls", """
                local repo:
                  pkgrepo.managed:
                    - name: %s
                    - file: /etc/apt/sources.list.d/local.list

                same repo, deb822:
                  pkgrepo.managed:
                    - uris: %s
                    - suites: ./
                    - trusted: True
                    - comments: the same packages again, to show two sources cost one refresh

                tinies:
                  pkg.installed:
                    - pkgs:
                      - tinytwo
                      - tinythree
                      - hello
                    - require:
                      - pkgrepo: local repo
                """.formatted(source(url), url));

        var predicted = apply(box, "tinies", "--test");
        assertEquals(0, predicted.exit(), predicted::toString);
        assertTrue(state(predicted, "local repo").get("result").isNull());
        assertEquals("", dpkg(box, "tinytwo"), "a test run installs nothing");
        assertFalse(box.exists("/etc/apt/sources.list.d/local.list"), "a test run writes no sources");

        var run = apply(box, "tinies");
        assertEquals(0, run.exit(), run::toString);
        assertEquals(1, updates(run), "two changed sources, one refresh:\n" + run.err());
        assertEquals(1, installs(run), "one install transaction:\n" + run.err());
        JsonNode tinies = state(run, "tinies");
        assertTrue(tinies.get("result").asBoolean(), tinies::toString);
        assertEquals("2.0-1", tinies.at("/changes/tinyone/new").asText(), "dependencies are reported too: " + tinies);
        assertEquals("", tinies.at("/changes/tinytwo/old").asText());
        assertTrue(tinies.get("comment").asText().startsWith("3 targeted packages were installed/updated."), tinies::toString);
        for (String p : new String[] {"tinyone", "tinytwo", "tinythree", "hello"}) {
            assertTrue(dpkg(box, p).startsWith("install ok installed"), p + ": " + dpkg(box, p));
        }
        assertTrue(box.read("/etc/apt/sources.list.d/same-repo--deb822.sources").contains("URIs: " + url));

        var again = apply(box, "tinies");
        assertEquals(0, again.exit(), again::toString);
        assertEquals(0, spawned(again, ""), "a no-change run starts no process:\n" + again.err());
        assertEquals("All specified packages are already installed", state(again, "tinies").get("comment").asText());
        assertEquals("Package repo '" + source(url) + "' already configured", state(again, "local repo").get("comment").asText());
    }

    @Test
    void pinsUpgradesDowngradesHoldsRemovalAndPurge(TestBox box) {
        String url = repoWithTinies(box);
        box.write("/etc/apt/sources.list.d/local.list", source(url) + "\n");
        String pin = """
                tinyone:
                  pkg.installed:
                    - version: '%s'
                    - hold: %s
                """;
        box.state("pin.sls", pin.formatted("1.0-1", "False"));
        var first = apply(box, "pin");
        assertEquals(0, first.exit(), first::toString);
        assertEquals("install ok installed 1.0-1", dpkg(box, "tinyone"), "the pin, not the candidate 2.0-1");
        assertEquals("The following packages were installed/updated: tinyone=1.0-1", state(first, "tinyone").get("comment").asText());

        box.write("/etc/tinyone.conf", "setting = mine\n");
        box.state("pin.sls", pin.formatted(">=2.0", "True"));
        var predicted = apply(box, "pin", "--test");
        JsonNode p = state(predicted, "tinyone");
        assertTrue(p.get("result").isNull(), p::toString);
        assertEquals("1.0-1\ninstall", p.at("/changes/tinyone/old").asText(), "a version and a hold change, as Salt shows both");
        assertEquals("2.0-1\nhold", p.at("/changes/tinyone/new").asText());
        assertEquals("The following packages would be installed/updated: tinyone\nThe following package would be held: tinyone",
                p.get("comment").asText());
        assertEquals("install ok installed 1.0-1", dpkg(box, "tinyone"));

        var upgrade = apply(box, "pin");
        assertEquals(0, upgrade.exit(), upgrade::toString);
        assertEquals("hold ok installed 2.0-1", dpkg(box, "tinyone"));
        assertEquals("setting = mine\n", box.read("/etc/tinyone.conf"), "an existing configuration file is kept");
        assertEquals(0, spawned(apply(box, "pin"), ""), "held and at the wanted version: nothing runs");

        box.state("pin.sls", pin.formatted("1.0-1", "True"));
        var downgrade = apply(box, "pin");
        assertEquals(0, downgrade.exit(), downgrade::toString);
        assertEquals("hold ok installed 1.0-1", dpkg(box, "tinyone"), "a held package named in a state is changed, and stays held");

        box.state("release.sls", "tinyone:\n  pkg.unheld: []\n");
        JsonNode released = state(apply(box, "release"), "tinyone");
        assertEquals("Package tinyone is no longer being held.", released.get("comment").asText());
        assertEquals("install ok installed 1.0-1", dpkg(box, "tinyone"));

        box.state("remove.sls", "tinyone:\n  pkg.removed: []\n");
        JsonNode removed = state(apply(box, "remove"), "tinyone");
        assertEquals("All targeted packages were removed.", removed.get("comment").asText());
        assertEquals("1.0-1", removed.at("/changes/tinyone/old").asText());
        assertEquals("deinstall ok config-files 1.0-1", dpkg(box, "tinyone"), "removed, its configuration kept");
        assertEquals("All specified packages are already absent", state(apply(box, "remove"), "tinyone").get("comment").asText());

        box.state("purge.sls", "tinyone:\n  pkg.purged: []\n");
        assertTrue(state(apply(box, "purge", "--test"), "tinyone").get("result").isNull());
        JsonNode purged = state(apply(box, "purge"), "tinyone");
        assertTrue(purged.get("result").asBoolean(), purged::toString);
        assertEquals("1.0-1", purged.at("/changes/removed/tinyone/old").asText(), purged::toString);
        assertEquals("", dpkg(box, "tinyone"));
        assertFalse(box.exists("/etc/tinyone.conf"));
        var again = apply(box, "purge");
        assertEquals("None of the targeted packages are installed or partially installed",
                state(again, "tinyone").get("comment").asText());
        assertEquals(0, spawned(again, ""));
    }

    @Test
    void latestUptodateAndWhenTheIndexIsRefreshed(TestBox box) {
        String url = repoWithTinies(box);
        box.write("/etc/apt/sources.list.d/local.list", source(url) + "\n");
        ok(box, "apt-get -q update && apt-get install -y -q tinyone=1.0-1 tinythree");

        // Salt #13349: a pinned version the index offers needs no refresh, even with refresh: True.
        box.state("pinned.sls", "tinytwo:\n  pkg.installed:\n    - version: 1.0-1\n    - refresh: True\n");
        var pinned = apply(box, "pinned");
        assertEquals(0, pinned.exit(), pinned::toString);
        assertEquals(0, updates(pinned), pinned.err());
        // The index was refreshed moments ago: cache_valid_time says it is good.
        box.state("fresh.sls", "hello:\n  pkg.installed:\n    - cache_valid_time: 3600\n");
        var fresh = apply(box, "fresh");
        assertEquals(0, fresh.exit(), fresh::toString);
        assertEquals(0, updates(fresh), fresh.err());

        ok(box, "apt-repo package tinyone 3.0-1 && apt-repo package tinythree 2.0-1");
        box.state("latest.sls", "tinyone:\n  pkg.latest:\n    - refresh: True\n");
        var latest = apply(box, "latest");
        assertEquals(0, latest.exit(), latest::toString);
        assertEquals(1, updates(latest), latest.err());
        assertEquals("install ok installed 3.0-1", dpkg(box, "tinyone"));
        assertEquals("The following packages were successfully installed/upgraded: tinyone",
                state(latest, "tinyone").get("comment").asText());
        var latestAgain = apply(box, "latest");
        assertEquals("Package tinyone is already up-to-date", state(latestAgain, "tinyone").get("comment").asText());

        box.state("uptodate.sls", "everything:\n  pkg.uptodate: []\n");
        var predicted = apply(box, "uptodate", "--test");
        JsonNode p = state(predicted, "everything");
        assertEquals("System update will be performed", p.get("comment").asText());
        assertEquals("2.0-1", p.at("/changes/tinythree/new").asText(), p::toString);
        var up = apply(box, "uptodate");
        assertEquals(0, up.exit(), up::toString);
        assertEquals("install ok installed 2.0-1", dpkg(box, "tinythree"));
        assertEquals("System is already up-to-date", state(apply(box, "uptodate"), "everything").get("comment").asText());

        box.state("versions.sls", """
                /root/versions:
                  file.managed:
                    - contents: "{{ salt['pkg.version']('tinyone') }} {{ salt['pkg.version']('nothing-here') }}|\
                {{ salt['pkg.version_cmp']('1.0~rc1', '1.0') }} {{ salt['pkg.list_pkgs']()['tinythree'] }}"
                """);
        assertEquals(0, box.apply("versions").exit());
        assertEquals("3.0-1 |-1 2.0-1\n", box.read("/root/versions"), "pkg functions for templates");
    }

    @Test
    void packageFilesFromAUrlTheStateTreeAndSignedRepositories(TestBox box) {
        String url = Fixtures.aptRepo(box);
        Fixtures.debianPackages(box, "gpg", "gpg-agent");
        ok(box, "apt-repo sign && apt-repo package tinyone 1.0-1 && apt-repo package tinytwo 1.0-1 tinyone"
                + " && apt-repo package tinythree 1.0-1");
        ok(box, "mkdir -p /srv/salt/debs && cp /srv/repo/tinytwo_1.0-1_all.deb /srv/salt/debs/");

        // The Lyft shape: a package straight from a URL; tinytwo's dependency comes from the signed repo.
        box.state("files.sls", """
                signed repo:
                  pkgrepo.managed:
                    - name: deb %1$s ./
                    - file: /etc/apt/sources.list.d/signed.list
                    - key_url: %1$skey.asc

                Ensure tinythree is installed:
                  pkg.installed:
                    - sources:
                      - tinythree: %1$stinythree_1.0-1_all.deb

                from the state tree:
                  pkg.installed:
                    - sources:
                      - tinytwo: salt://debs/tinytwo_1.0-1_all.deb
                    - require:
                      - pkgrepo: signed repo
                """.formatted(url));
        var run = apply(box, "files");
        assertEquals(0, run.exit(), run::toString);
        assertEquals("deb [signed-by=/etc/apt/keyrings/signed.asc] " + url + " ./\n",
                box.read("/etc/apt/sources.list.d/signed.list"));
        assertTrue(box.read("/etc/apt/keyrings/signed.asc").startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----"));
        for (String p : new String[] {"tinyone", "tinytwo", "tinythree"}) {
            assertTrue(dpkg(box, p).startsWith("install ok installed 1.0-1"), p + ": " + dpkg(box, p));
        }
        assertEquals(0, spawned(apply(box, "files"), ""), "installed files are not fetched again");

        box.state("wrong.sls", "tinyone:\n  pkg.installed:\n    - sources:\n      - tinyone: salt://debs/tinytwo_1.0-1_all.deb\n");
        ok(box, "apt-get purge -y -q tinytwo tinyone");
        var wrong = apply(box, "wrong");
        assertEquals(2, wrong.exit(), wrong::toString);
        assertTrue(state(wrong, "tinyone").get("comment").asText().contains("holds package tinytwo, not tinyone"));

        box.state("gone.sls", "deb " + url + " ./:\n  pkgrepo.absent: []\n");
        var gone = apply(box, "gone");
        assertEquals("Removed repo deb " + url + " ./", state(gone, "deb " + url + " ./").get("comment").asText());
        assertFalse(box.exists("/etc/apt/sources.list.d/signed.list"), "a file left without sources is deleted");
    }

    @Test
    void failuresSayWhatIsWrong(TestBox box) {
        Runs.refused(box, "badname", "Not_A_Package:\n  pkg.installed: []\n",
                "name of pkg.installed in state 'Not_A_Package' must be a package name");
        box.state("bad.sls", """
                nosuchpackage-anywhere:
                  pkg.installed: []
                """);
        var bad = apply(box, "bad");
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(state(bad, "nosuchpackage-anywhere").get("comment").asText()
                .contains("were not found, and no possible matches were found in the package db: nosuchpackage-anywhere"));

        // Another process holds dpkg's lock (apt uses fcntl locks): the state waits, then fails clearly.
        box.sh("perl -MFcntl -e 'open(F, \">>\", \"/var/lib/dpkg/lock-frontend\") or die;"
                + " my $l = pack(\"s s x4 q q l x4\", F_WRLCK, 0, 0, 0, 0); fcntl(F, F_SETLK, $l) or die \"lock: $!\";"
                + " sleep 60' >/dev/null 2>&1 & sleep 0.5");
        box.state("locked.sls", "hello:\n  pkg.installed:\n    - lock_timeout: 2\n");
        var locked = apply(box, "locked");
        assertEquals(2, locked.exit(), locked::toString);
        String comment = state(locked, "hello").get("comment").asText();
        assertTrue(comment.contains("dpkg is locked") && comment.contains("gave up after waiting 2 s"), comment);
    }
}
