package agent.modules.pkg;

import agent.modules.pkg.backend.PackageBackend.InstallOptions;
import agent.modules.pkg.backend.PackageBackend;
import agent.spi.Call;
import agent.spi.Param;

/** Arguments several pkg functions share, and how they read. */
final class PkgArgs {

    static final Param NAMES = Param.list("pkgs",
            "Several packages in one transaction: names, or {name: version} mappings (name is then ignored)");
    static final Param REFRESH = new Param("refresh", Param.Type.BOOL, false, null,
            "True: refresh the package index first (once per run); False: never; unset: only when needed");
    static final Param CACHE_VALID_TIME = Param.integer("cache_valid_time",
            "Seconds an index refresh stays good: refresh only when the index is older");
    static final Param FROMREPO = Param.string("fromrepo", "Install from this release (apt-get -t)");
    static final Param SKIP_VERIFY = Param.bool("skip_verify", false, "Install packages whose signature cannot be verified");
    static final Param INSTALL_RECOMMENDS = new Param("install_recommends", Param.Type.BOOL, false, null,
            "Install recommended packages too (True) or not (False); unset: apt's default");
    static final Param LOCK_TIMEOUT = Param.integer("lock_timeout",
            "Seconds to wait for another process's dpkg lock before failing (an agent extension)")
            .withDefault(PackageBackend.DEFAULT_LOCK_TIMEOUT);

    private PkgArgs() {
    }

    /** The refresh argument: True, False, or null when not given. */
    static Boolean refresh(Call call) {
        return call.optionalBool("refresh").orElse(null);
    }

    static InstallOptions options(Call call, boolean reinstall) {
        Boolean recommends = call.optionalBool("install_recommends").orElse(null);
        return new InstallOptions(call.string("fromrepo").orElse(null), call.bool("skip_verify"), recommends,
                reinstall, call.integer("lock_timeout").orElse(PackageBackend.DEFAULT_LOCK_TIMEOUT));
    }
}
