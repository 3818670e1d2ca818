package agent.report.returners;

import agent.host.Command;
import agent.host.CommandResult;
import agent.host.Commands;
import agent.report.jobs.JobRecord;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code --return syslog[:TAG]}: one summary line per run through logger(1), which speaks to
 * whichever syslog daemon or journal the host runs (Java has no datagram Unix sockets).
 */
public final class SyslogReturner implements Returner {

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public void send(JobRecord job, String json, String argument) throws IOException {
        int[] c = job.counts();
        String summary = String.format("jid=%s fun=%s exit=%d test=%s states=%d changed=%d failed=%d",
                job.jid(), job.function(), job.exitCode(), job.test() ? "True" : "False", c[0], c[1], c[2]);
        String tag = argument.isEmpty() ? "agent" : argument;
        String priority = c[2] > 0 || job.exitCode() != 0 ? "user.err" : "user.info";
        CommandResult r = new Commands().run(Command.of("logger", "-t", tag, "-p", priority, "--", summary)
                .withTimeout(Duration.ofSeconds(10)));
        if (!r.ok()) {
            throw new IOException("logger exited " + r.exitCode() + ": " + r.stderr().strip());
        }
    }
}
