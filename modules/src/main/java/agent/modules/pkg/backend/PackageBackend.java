package agent.modules.pkg.backend;

import agent.spi.StateException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pkg states need from a package manager. apt/dpkg implements it today; the states
 * speak only this language, so dnf/rpm can follow without touching them. What it reads of the
 * host (installed packages, the index) comes from the run's facts: read once, again after a change.
 */
public interface PackageBackend {

    /** Seconds to wait for another process's package-manager lock when a state does not say. */
    long DEFAULT_LOCK_TIMEOUT = 120;

    /** Installed packages and their versions. */
    Map<String, String> installed() throws StateException;

    /** Packages held at their installed version. */
    Set<String> held() throws StateException;

    /** Packages removed with their configuration files left behind (purge removes those too). */
    Map<String, String> residual() throws StateException;

    /** What the package index offers for these names, without refreshing it. */
    Map<String, Offer> offers(Collection<String> names, String fromrepo) throws StateException;

    /** Refreshes the package index unless this run already did; true when it ran now. */
    boolean refresh() throws StateException;

    /** The index no longer describes the configured sources (a repository changed since). */
    boolean indexStale() throws StateException;

    /** Seconds since the index was last refreshed (on this machine, by anyone). */
    long indexAgeSeconds() throws StateException;

    /** Installs, upgrades, downgrades or reinstalls, all in one transaction. */
    Outcome install(List<Install> targets, InstallOptions options) throws StateException;

    Outcome remove(Collection<String> names, boolean purge, InstallOptions options) throws StateException;

    Outcome hold(Collection<String> names, boolean hold) throws StateException;

    /** Upgradable packages and the version each would get. */
    Map<String, String> upgrades(boolean dist) throws StateException;

    /** Upgrades everything, or only {@code names} when given. */
    Outcome upgrade(boolean dist, Collection<String> names, InstallOptions options) throws StateException;

    /** Name and version inside a package file. */
    LocalPackage inspect(Path file) throws StateException;

    /** Negative, zero or positive as version {@code a} is older than, equal to or newer than {@code b}. */
    int compare(String a, String b);

    /** The index's candidate for a name (null when none) and every version it knows, newest first. */
    record Offer(String candidate, List<String> versions) {
        public boolean known() {
            return candidate != null || !versions.isEmpty();
        }
    }

    /** One package to install: from the index (at {@code version}, or the candidate when null) or from a file. */
    record Install(String name, String version, Path file) {
        public static Install fromIndex(String name, String version) {
            return new Install(name, version, null);
        }
    }

    /** A package file's identity. */
    record LocalPackage(String name, String version) {
    }

    /** Options of a transaction; null booleans leave the package manager's default. */
    record InstallOptions(String fromrepo, boolean skipVerify, Boolean installRecommends, boolean reinstall,
                          long lockTimeoutSeconds) {
    }

    /** How a transaction ended: {@code error} is null on success. */
    record Outcome(String error) {
        public static final Outcome OK = new Outcome(null);

        public boolean ok() {
            return error == null;
        }
    }
}
