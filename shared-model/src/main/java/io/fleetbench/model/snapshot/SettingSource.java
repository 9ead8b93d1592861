package io.fleetbench.model.snapshot;

/** Where the value of a daemon setting came from. */
public enum SettingSource {
    /** The daemon's JSON configuration file. */
    DAEMON_JSON,
    /** The running dockerd's command line. */
    COMMAND_LINE,
    /** The engine's own report through the Engine API. */
    ENGINE_API
}
