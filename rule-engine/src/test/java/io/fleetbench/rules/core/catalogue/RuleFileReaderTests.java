package io.fleetbench.rules.core.catalogue;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fleetbench.rules.core.BundledRules;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleFileReaderTests {

    private static final String SOURCE = "test/rules.yaml";
    private static final String VALID = """
            rules:
              - key: log-level-checked
                target: daemon
                title: The daemon logs at level info
                rationale: Level info records what an investigation needs.
                remediation: Set log-level to info.
                manual: confirm the log level
                condition: >
                  'log-level' in daemon ? pass('set') : warn('not set')
            """;

    static Stream<Arguments> invalidRules() {
        return Stream.of(
                arguments("syntax error", VALID.replace("? pass('set')", "? pass('set'"),
                        List.of(SOURCE, "rule log-level-checked", "condition does not compile")),
                arguments("unknown function", VALID.replace("pass('set')", "passes('set')"),
                        List.of(SOURCE, "rule log-level-checked", "undeclared reference to 'passes'")),
                arguments("unknown variable", VALID.replace("in daemon", "in deamon"),
                        List.of(SOURCE, "undeclared reference to 'deamon'")),
                arguments("unknown operator", VALID.replace("'log-level' in daemon", "'log-level' ~ daemon"),
                        List.of(SOURCE, "rule log-level-checked", "condition does not compile")),
                arguments("no verdict", VALID.replace("'log-level' in daemon ? pass('set') : warn('not set')",
                                "'log-level' in daemon"),
                        List.of(SOURCE, "condition returns bool", "pass(reason)")),
                arguments("verdict of wrong type", VALID.replace("pass('set')", "pass(1)"),
                        List.of(SOURCE, "found no matching overload for 'pass'")),
                arguments("unknown requirement", VALID.replace("    manual:", "    requires: host-files\n    manual:"),
                        List.of(SOURCE, "requires 'host-files'", "'host-facts'")),
                arguments("unknown Java check", VALID.replace("    condition: >\n      'log-level' in daemon ? "
                                + "pass('set') : warn('not set')\n", "    java: true\n"),
                        List.of(SOURCE, "names Java check 'log-level-checked', which does not exist")),
                arguments("misspelled field", VALID.replace("rationale:", "rationnale:"),
                        List.of(SOURCE, "unknown field 'rationnale'")),
                arguments("missing manual check", VALID.replace("    manual: confirm the log level\n", ""),
                        List.of(SOURCE, "rule log-level-checked is missing field 'manual'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRules")
    void rejectsInvalidRule(String description, String yaml, List<String> fragments) {
        var thrown = assertThatThrownBy(() -> RuleFileReader.read(SOURCE, new StringReader(yaml),
                BundledRules.javaChecks()))
                .isInstanceOf(InvalidCatalogueException.class);
        for (String fragment : fragments) {
            thrown.hasMessageContaining(fragment);
        }
    }
}
