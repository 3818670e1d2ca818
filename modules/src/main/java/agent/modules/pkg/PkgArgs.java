package agent.modules.pkg;

import agent.modules.pkg.backend.PackageBackend;
import agent.modules.pkg.backend.PackageBackend.InstallOptions;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;

/** Arguments several pkg functions share, and how they read. */
final class PkgArgs {

    static final Param NAMES = Param.listOf("pkgs", Param.Type.ANY,
            "Several packages in one transaction: names, or {name: version} mappings (name is then ignored)");
    static final Param REFRESH = new Param("refresh", Param.Type.BOOL, false, null,
            "True: refresh the package index first (once per run); False: never; unset: only when needed");
    static final Param CACHE_VALID_TIME = Param.integer("cache_valid_time",
            "Seconds an index refresh stays good: refresh only when the index is older")
            .checked(Checks.range(0, Integer.MAX_VALUE));
    static final Param FROMREPO = Param.string("fromrepo", "Install from this release (apt-get -t)")
            .checked(Checks.RELEASE);
    static final Param SKIP_VERIFY = Param.bool("skip_verify", false, "Install packages whose signature cannot be verified");
    static final Param INSTALL_RECOMMENDS = new Param("install_recommends", Param.Type.BOOL, false, null,
            "Install recommended packages too (True) or not (False); unset: apt's default");
    static final Param LOCK_TIMEOUT = Param.integer("lock_timeout",
            "Seconds to wait for another process's dpkg lock before failing (an agent extension)")
            .withDefault(PackageBackend.DEFAULT_LOCK_TIMEOUT).checked(Checks.range(0, 86400));

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
