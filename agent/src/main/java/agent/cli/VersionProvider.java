package agent.cli;

import picocli.CommandLine.IVersionProvider;

/** "agent VERSION" from the jar manifest. */
public final class VersionProvider implements IVersionProvider {

    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[]{"agent " + version()};
    }
}
