package io.fleetbench.rules.core;

import io.fleetbench.rules.core.catalogue.BenchmarkCatalogue;
import io.fleetbench.rules.core.catalogue.CatalogueLoader;
import io.fleetbench.rules.core.check.CheckRegistry;
import io.fleetbench.rules.core.check.daemon.DefaultBridgeTrafficRestricted;
import io.fleetbench.rules.core.check.daemon.LiveRestoreEnabled;
import io.fleetbench.rules.core.check.daemon.NoNewPrivilegesByDefault;
import io.fleetbench.rules.core.check.daemon.RemoteLoggingConfigured;
import io.fleetbench.rules.core.check.daemon.UserNamespaceRemappingEnabled;
import io.fleetbench.rules.core.check.daemon.UserlandProxyDisabled;
import io.fleetbench.rules.core.check.image.ContainersRunAsNonRootUser;
import io.fleetbench.rules.core.check.image.ImagesDefineHealthcheck;
import io.fleetbench.rules.core.check.runtime.CpuPrioritySet;
import io.fleetbench.rules.core.check.runtime.MemoryLimited;
import io.fleetbench.rules.core.check.runtime.NoAddedCapabilities;
import io.fleetbench.rules.core.check.runtime.NoDockerSocketMounted;
import io.fleetbench.rules.core.check.runtime.NoHostNetworkMode;
import io.fleetbench.rules.core.check.runtime.NoHostPidNamespace;
import io.fleetbench.rules.core.check.runtime.NoNewPrivilegesInContainers;
import io.fleetbench.rules.core.check.runtime.NoPrivilegedContainers;
import io.fleetbench.rules.core.check.runtime.NoSensitiveHostDirectoriesMounted;
import io.fleetbench.rules.core.check.runtime.PidsLimited;
import io.fleetbench.rules.core.check.runtime.PortsBoundToSpecificInterface;
import io.fleetbench.rules.core.check.runtime.ReadOnlyRootFilesystem;
import io.fleetbench.rules.core.check.runtime.SeccompNotUnconfined;
import io.fleetbench.rules.core.check.secret.NoPlainTextSecretsInEnvironment;
import io.fleetbench.rules.core.evaluation.AuditEvaluator;
import java.time.Clock;
import java.util.List;

/**
 * The checks and catalogues shipped in this jar: the entry point for the stream app, the standalone fleet and a
 * one-shot audit.
 */
public final class BundledRules {

    private BundledRules() {
    }

    /** Returns a registry of every built-in check. */
    public static CheckRegistry registry() {
        return new CheckRegistry(List.of(
                new DefaultBridgeTrafficRestricted(),
                new UserNamespaceRemappingEnabled(),
                new RemoteLoggingConfigured(),
                new NoNewPrivilegesByDefault(),
                new LiveRestoreEnabled(),
                new UserlandProxyDisabled(),
                new ContainersRunAsNonRootUser(),
                new ImagesDefineHealthcheck(),
                new NoAddedCapabilities(),
                new NoPrivilegedContainers(),
                new NoSensitiveHostDirectoriesMounted(),
                new NoHostNetworkMode(),
                new MemoryLimited(),
                new CpuPrioritySet(),
                new ReadOnlyRootFilesystem(),
                new PortsBoundToSpecificInterface(),
                new NoHostPidNamespace(),
                new SeccompNotUnconfined(),
                new NoNewPrivilegesInContainers(),
                new PidsLimited(),
                new NoDockerSocketMounted(),
                new NoPlainTextSecretsInEnvironment()));
    }

    /** Returns the benchmark versions whose catalogues are bundled. */
    public static List<String> versions() {
        return new CatalogueLoader(registry()).bundledVersions();
    }

    /** Loads and validates the bundled catalogue of {@code benchmarkVersion}. */
    public static BenchmarkCatalogue catalogue(String benchmarkVersion) {
        return new CatalogueLoader(registry()).loadBundled(benchmarkVersion);
    }

    /** Creates an evaluator of the bundled catalogue of {@code benchmarkVersion}, with time from {@code clock}. */
    public static AuditEvaluator evaluator(String benchmarkVersion, Clock clock) {
        CheckRegistry registry = registry();
        return new AuditEvaluator(new CatalogueLoader(registry).loadBundled(benchmarkVersion), registry, clock);
    }
}
