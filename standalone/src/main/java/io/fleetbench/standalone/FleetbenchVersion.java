package io.fleetbench.standalone;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code fleetbench --version}, read from the jar's manifest. */
final class FleetbenchVersion implements IVersionProvider {

    static String current() {
        String version = FleetbenchVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"fleetbench " + current()};
    }
}
