package io.fleetbench.rules.core;

import io.fleetbench.rules.core.catalogue.CatalogueLoader;
import io.fleetbench.rules.core.catalogue.RuleDefinition;
import io.fleetbench.rules.core.condition.CheckedConditions;
import io.fleetbench.rules.core.condition.ConditionCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * Build step that type-checks the condition of every bundled rule file and stores the checked forms as {@link
 * CheckedConditions#RESOURCE}. The rule-engine build runs it in the {@code process-classes} phase, after the rule
 * files are copied and before the jar is packed.
 */
public final class CheckedConditionsWriter {

    private CheckedConditionsWriter() {
    }

    /**
     * Writes the store under the classes folder named by the only argument.
     *
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Expected one argument, the classes folder to write "
                    + CheckedConditions.RESOURCE + " into, but got " + args.length);
        }
        Path target = Path.of(args[0]).resolve(CheckedConditions.RESOURCE);
        Set<String> expressions = bundledExpressions();
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            CheckedConditions.write(expressions, out);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Stored " + expressions.size() + " checked rule conditions in " + target);
    }

    /** Returns the distinct condition texts of the bundled rule files. */
    public static Set<String> bundledExpressions() {
        Set<String> expressions = new TreeSet<>();
        for (RuleDefinition rule : CatalogueLoader.loadBundledRules(BundledRules.javaChecks(),
                CheckedConditions.none())) {
            if (rule.check() instanceof ConditionCheck check && check.condition() != null) {
                expressions.add(check.condition().expression());
            }
        }
        return expressions;
    }
}
