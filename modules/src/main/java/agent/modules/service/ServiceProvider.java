package agent.modules.service;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * One init system's way of reading and changing services (Puppet's provider): the states in
 * this package decide what to do, a provider only knows how.
 */
interface ServiceProvider {

    /** How an action runs: its time limit, and systemd's --no-block. */
    record Options(Duration timeout, boolean noBlock) {
        static final Options DEFAULT = new Options(Duration.ofMinutes(5), false);
    }

    /** Whether an action worked, and what the command said (for a failure's comment). */
    record Outcome(boolean ok, String output) {
    }

    /** {@code systemd} or {@code sysvinit}. */
    String name();

    /** The service is known here: an init script, or a unit systemd can load. */
    boolean available(String service) throws IOException;

    /** Every service this init system knows, sorted. */
    List<String> all() throws IOException;

    /** Running now (Salt's service.status without sig). */
    boolean running(String service) throws IOException;

    /** Started at boot. */
    boolean enabled(String service) throws IOException;

    Outcome start(String service, Options o) throws IOException;

    Outcome stop(String service, Options o) throws IOException;

    Outcome restart(String service, Options o) throws IOException;

    Outcome reload(String service, Options o) throws IOException;

    Outcome forceReload(String service, Options o) throws IOException;

    /** A stop and a start as separate steps, where the init system tells them apart from restart. */
    Outcome fullRestart(String service, Options o) throws IOException;

    Outcome enable(String service, Options o) throws IOException;

    Outcome disable(String service, Options o) throws IOException;

    /** Masks exist (systemd only). */
    boolean supportsMasks();

    /** Masked indefinitely ({@code runtime} false) or until reboot ({@code runtime} true). */
    boolean masked(String service, boolean runtime) throws IOException;

    Outcome mask(String service, boolean runtime) throws IOException;

    Outcome unmask(String service, boolean runtime) throws IOException;
}
