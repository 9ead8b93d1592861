package io.fleetbench.rules.core.check.secret;

import io.fleetbench.model.secret.SecretNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the secret-looking variables that one image history step sets, from its {@code CreatedBy} text after the
 * agent's redaction. The agent replaces every build-argument value and every secret-looking value with
 * {@link SecretNames#REDACTED}, so this class receives no secret value and reports names only.
 *
 * <p>A step counts when it sets a name that {@link SecretNames#reason(String)} flags: a build argument in the
 * {@code |N NAME=value ...} prefix that both Docker builders put on a {@code RUN} step, an {@code ARG} default, an
 * {@code ENV} or {@code LABEL} entry, or a shell-style {@code NAME=value} word in any other step. It also counts
 * when the agent redacted the value of an {@code ENV}, {@code LABEL} or other {@code NAME=value} word, or a bare
 * word, because the agent does that only for values with a credential's shape.
 *
 * <p>NOTE: the agent redacts every build-argument value and {@code ARG} default whatever it looks like, so a
 * credential-shaped value under an ordinary name, such as {@code ARG VERSION=ghp_...}, is not found here.
 */
final class HistoryStepVariables {

    /** The build arguments a {@code RUN} step saw, before the classic builder's shell or after BuildKit's RUN. */
    private static final Pattern BUILD_ARG_PREFIX = Pattern.compile("^((?:RUN )?)\\|(\\d{1,9}) ");

    /** An ENV, ARG or LABEL step, as the classic builder ({@code #(nop)}) or BuildKit records it. */
    private static final Pattern DEFINITION_STEP =
            Pattern.compile("(?:^|#\\(nop\\)\\s+)(ENV|ARG|LABEL)\\s+(.*)$", Pattern.DOTALL);

    /** A shell variable assignment inside a command, such as {@code TOKEN=...} in {@code export TOKEN=...}. */
    private static final Pattern SHELL_ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

    private static final String REDACTED_VALUE_REASON = "value looks like a secret";

    private HistoryStepVariables() {
    }

    /**
     * One secret-looking variable that a history step sets.
     *
     * @param instruction the kind of definition: {@code build argument}, {@code ARG}, {@code ENV}, {@code LABEL},
     *     or {@code null} for a word inside another step
     * @param name the variable name, build-argument name or label key, or {@code null} for a redacted bare word
     * @param reason why it looks like a secret, such as {@code name contains PASSWORD}
     */
    record SecretVariable(@Nullable String instruction, @Nullable String name, String reason) {

        /** Describes the variable for a finding's reason, by kind and name, never by value. */
        String describe() {
            String subject = name == null ? "a value" : name;
            String described = instruction == null ? subject : instruction + " " + subject;
            return described + " (" + reason + ")";
        }
    }

    /** Returns the secret-looking variables that the step {@code createdBy} sets, in the order they appear. */
    static List<SecretVariable> find(String createdBy) {
        List<SecretVariable> found = new ArrayList<>();
        String[] words = createdBy.split(" ", -1);
        int first = 0;
        Matcher prefix = BUILD_ARG_PREFIX.matcher(createdBy);
        if (prefix.find()) {
            first = prefix.group(1).isEmpty() ? 1 : 2;
            int end = (int) Math.min(words.length, (long) first + Integer.parseInt(prefix.group(2)));
            for (int i = first; i < end; i++) {
                addBuildArgument(found, words[i]);
            }
            first = end;
        }

        String command = String.join(" ", Arrays.asList(words).subList(first, words.length));
        Matcher definition = DEFINITION_STEP.matcher(command);
        if (definition.find()) {
            addDefinitions(found, definition.group(1), definition.group(2).strip());
        } else {
            addCommandWords(found, command);
        }
        return found;
    }

    /** Adds a build argument from the {@code RUN} prefix, whose value the agent always redacts. */
    private static void addBuildArgument(List<SecretVariable> found, String word) {
        int equals = word.indexOf('=');
        String name = equals < 0 ? word : word.substring(0, equals);
        String reason = SecretNames.reason(name);
        if (reason != null) {
            found.add(new SecretVariable("build argument", name, reason));
        }
    }

    /** Adds the entries of an ENV, ARG or LABEL step. */
    private static void addDefinitions(List<SecretVariable> found, String instruction, String body) {
        String[] entries = body.split("\\s+");
        if (instruction.equals("ENV") && entries.length > 1 && entries[0].indexOf('=') < 0) {
            // The legacy form ENV NAME value sets one variable to the rest of the line.
            addDefinition(found, instruction, entries[0], body.substring(entries[0].length()).strip());
            return;
        }
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                addDefinition(found, instruction, entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
    }

    private static void addDefinition(List<SecretVariable> found, String instruction, String rawName, String value) {
        String name = unquote(rawName);
        String reason = SecretNames.reason(name);
        // ARG defaults are redacted whatever they look like, so a redacted ARG value shows nothing about its shape.
        if (reason == null && !instruction.equals("ARG") && value.equals(SecretNames.REDACTED)) {
            reason = REDACTED_VALUE_REASON;
        }
        if (reason != null && !value.isEmpty()) {
            found.add(new SecretVariable(instruction, name, reason));
        }
    }

    /** Adds the assignments and redacted words inside a RUN command or any other step. */
    private static void addCommandWords(List<SecretVariable> found, String command) {
        for (String word : command.split("\\s+")) {
            if (word.equals(SecretNames.REDACTED)) {
                found.add(new SecretVariable(null, null, REDACTED_VALUE_REASON));
                continue;
            }
            Matcher assignment = SHELL_ASSIGNMENT.matcher(word);
            if (!assignment.matches() || assignment.group(2).isEmpty()) {
                continue;
            }
            String name = assignment.group(1);
            String reason = SecretNames.reason(name);
            if (reason == null && assignment.group(2).equals(SecretNames.REDACTED)) {
                reason = REDACTED_VALUE_REASON;
            }
            if (reason != null) {
                found.add(new SecretVariable(null, name, reason));
            }
        }
    }

    private static String unquote(String name) {
        boolean quoted = name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"");
        return quoted ? name.substring(1, name.length() - 1) : name;
    }
}
