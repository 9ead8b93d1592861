package io.fleetbench.rules.core;

import io.fleetbench.rules.core.catalogue.BenchmarkCatalogue;
import io.fleetbench.rules.core.catalogue.CatalogueLoader;
import io.fleetbench.rules.core.catalogue.InvalidCatalogueException;
import io.fleetbench.rules.core.catalogue.OrganisationRules;
import io.fleetbench.rules.core.catalogue.RuleDefinition;
import io.fleetbench.rules.core.check.Check;
import io.fleetbench.rules.core.check.CheckRegistry;
import io.fleetbench.rules.core.check.RuleText;
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
import io.fleetbench.rules.core.check.runtime.NoNewPrivilegesInContainers;
import io.fleetbench.rules.core.check.runtime.PidsLimited;
import io.fleetbench.rules.core.check.runtime.PortsBoundToSpecificInterface;
import io.fleetbench.rules.core.check.runtime.ReadOnlyRootFilesystem;
import io.fleetbench.rules.core.check.runtime.SeccompNotUnconfined;
import io.fleetbench.rules.core.check.secret.NoPlainTextSecretsInEnvironment;
import io.fleetbench.rules.core.check.secret.NoSecretsInImageHistory;
import io.fleetbench.rules.core.condition.CheckedConditions;
import io.fleetbench.rules.core.evaluation.AuditEvaluator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks and catalogues shipped in this jar: the entry point for the stream app, the standalone fleet and a
 * one-shot audit.
 */
public final class BundledRules {

    private BundledRules() {
    }

    /**
     * Returns a registry of every bundled rule: the rule files' CEL and manual rules and the Java checks they name,
     * with each rule's text. The rule files are read and their conditions compiled once per JVM, from the checked
     * forms that the build stored in the jar where those match.
     */
    public static CheckRegistry registry() {
        return Holder.REGISTRY;
    }

    /** Returns a registry of the Java checks alone, for rule files that name one with {@code java: true}. */
    public static CheckRegistry javaChecks() {
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
                new MemoryLimited(),
                new CpuPrioritySet(),
                new ReadOnlyRootFilesystem(),
                new PortsBoundToSpecificInterface(),
                new SeccompNotUnconfined(),
                new NoNewPrivilegesInContainers(),
                new PidsLimited(),
                new NoDockerSocketMounted(),
                new NoPlainTextSecretsInEnvironment(),
                new NoSecretsInImageHistory()));
    }

    /** Loads the registry, planning the conditions of the rule files from their checked forms in {@code stored}. */
    static CheckRegistry loadRegistry(CheckedConditions stored) {
        CheckRegistry javaChecks = javaChecks();
        List<Check> checks = new ArrayList<>();
        Map<String, RuleText> texts = new LinkedHashMap<>();
        for (RuleDefinition rule : CatalogueLoader.loadBundledRules(javaChecks, stored)) {
            if (texts.putIfAbsent(rule.key(), rule.text()) != null) {
                throw new InvalidCatalogueException("Rule file " + rule.source() + " declares rule '" + rule.key()
                        + "', which another bundled rule file declares too. Give each rule its own key");
            }
            checks.add(rule.check());
        }
        for (Check check : javaChecks.checks()) {
            if (!texts.containsKey(check.key())) {
                checks.add(check);
            }
        }
        return new CheckRegistry(checks, texts);
    }

    /** Loads the registry on first use, so that a broken rule file fails where it is first needed. */
    private static final class Holder {
        static final CheckRegistry REGISTRY = loadRegistry(CheckedConditions.bundled());
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

    /**
     * Creates an evaluator of the bundled catalogue of {@code benchmarkVersion} plus the organisation rules in
     * {@code extraRulesDir}, reported under their own ids after the benchmark's recommendations.
     */
    public static AuditEvaluator evaluator(String benchmarkVersion, Path extraRulesDir, Clock clock) {
        CheckRegistry registry = registry();
        BenchmarkCatalogue catalogue = new CatalogueLoader(registry).loadBundled(benchmarkVersion);
        OrganisationRules.Extended extended = OrganisationRules.load(extraRulesDir, catalogue, registry);
        return new AuditEvaluator(extended.catalogue(), extended.registry(), clock);
    }
}
