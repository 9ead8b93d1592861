package io.fleetbench.model.report;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders an audit report in the text form docker-bench-security prints: a heading per section, a line per check
 * with its aggregate verdict, an indented line per target that did not pass, and the score at the end.
 *
 * <p>A check's verdict is WARN if any target warns, else INFO if any target is INFO, else NOTE if any is NOTE,
 * else PASS. The score follows docker-bench-security: each scored check adds one when it passes and subtracts one
 * when it warns.
 */
public final class DockerBenchText {

    private static final String RESET = "\u001B[0m";

    private final boolean colour;
    private final boolean remediation;
    private final FindingLocator locator;

    /** Creates a renderer that uses ANSI colours when {@code colour} is true. */
    public DockerBenchText(boolean colour) {
        this(colour, false, FindingLocator.NONE);
    }

    /**
     * Creates a renderer.
     *
     * @param colour whether to use ANSI colours
     * @param remediation whether to print the remediation under each check that warns
     * @param locator gives file positions, printed after a target's reason, or {@link FindingLocator#NONE}
     */
    public DockerBenchText(boolean colour, boolean remediation, FindingLocator locator) {
        this.colour = colour;
        this.remediation = remediation;
        this.locator = locator;
    }

    /** Renders {@code report} as lines separated by {@code \n}, ending with a line break. */
    public String render(HostFindingsEvaluated report) {
        StringBuilder out = new StringBuilder();
        out.append(line(Status.INFO, "Fleetbench audit of host " + report.host().name() + " (" + report.hostId()
                + "), Docker " + report.engineVersion() + ", CIS Docker Benchmark " + report.benchmarkVersion()
                + ", snapshot " + report.snapshotSequence()));

        Map<String, List<Finding>> byCheck = new TreeMap<>(CheckIdOrder.INSTANCE);
        for (Finding finding : report.findings()) {
            byCheck.computeIfAbsent(finding.checkId(), id -> new ArrayList<>()).add(finding);
        }
        Map<String, String> sectionTitles = new LinkedHashMap<>();
        for (List<Finding> findings : byCheck.values()) {
            Finding first = findings.get(0);
            sectionTitles.putIfAbsent(sectionNumber(first.checkId()), first.section());
        }

        int checks = 0;
        int score = 0;
        String currentSection = null;
        for (Map.Entry<String, List<Finding>> entry : byCheck.entrySet()) {
            List<Finding> findings = entry.getValue();
            Finding first = findings.get(0);
            String section = sectionNumber(entry.getKey());
            if (!section.equals(currentSection)) {
                currentSection = section;
                out.append('\n').append(line(Status.INFO, section + " - " + sectionTitles.get(section)));
            }
            Status verdict = aggregate(findings);
            checks++;
            if (first.scored() && verdict == Status.PASS) {
                score++;
            } else if (first.scored() && verdict == Status.WARN) {
                score--;
            }
            out.append(line(verdict, String.format("%-5s- %s", entry.getKey(), first.title())));
            for (Finding finding : findings) {
                if (finding.status() != Status.PASS && (findings.size() > 1 || verdict == Status.WARN)) {
                    out.append(line(finding.status(), "     * " + targetName(finding.targetKey()) + ": " + finding.reason()
                            + locator.locate(finding).map(DockerBenchText::describe).orElse("")));
                }
            }
            if (remediation && verdict == Status.WARN) {
                findings.stream().map(Finding::remediation).filter(text -> text != null).findFirst()
                        .ifPresent(text -> out.append("       Remediation: ").append(printable(text.strip()))
                                .append('\n'));
            }
        }

        Map<Status, Long> counts = report.countByStatus();
        out.append('\n').append(line(Status.INFO, "Checks: " + checks));
        out.append(line(Status.INFO, "Score: " + score));
        out.append(line(Status.INFO, "Findings: " + counts.get(Status.PASS) + " PASS, " + counts.get(Status.WARN) + " WARN, "
                + counts.get(Status.INFO) + " INFO, " + counts.get(Status.NOTE) + " NOTE"));
        return out.toString();
    }

    /** Returns the aggregate verdict of one check's findings. */
    public static Status aggregate(List<Finding> findings) {
        Status result = Status.PASS;
        for (Finding finding : findings) {
            result = worse(result, finding.status());
        }
        return result;
    }

    private static Status worse(Status left, Status right) {
        return rank(right) > rank(left) ? right : left;
    }

    private static int rank(Status status) {
        return switch (status) {
            case PASS -> 0;
            case NOTE -> 1;
            case INFO -> 2;
            case WARN -> 3;
        };
    }

    private static String sectionNumber(String checkId) {
        int dot = checkId.indexOf('.');
        return dot < 0 ? checkId : checkId.substring(0, dot);
    }

    private static String describe(FindingLocation location) {
        return " (" + location.uri() + ":" + location.line() + ":" + location.column() + ")";
    }

    private static String targetName(String targetKey) {
        int colon = targetKey.indexOf(':');
        return colon < 0 ? targetKey : targetKey.substring(colon + 1);
    }

    private String line(Status status, String text) {
        String tag = "[" + status.name() + "]";
        if (colour) {
            tag = colourOf(status) + tag + RESET;
        }
        return tag + " " + printable(text) + "\n";
    }

    /**
     * Returns {@code text} on one line without terminal controls: line breaks and tabs become spaces, and other
     * control characters become a backslash, {@code u} and four hexadecimal digits. Texts come from hosts and
     * reports, and a line break in one could forge a {@code [PASS]} line for tools that parse this format, or an
     * escape sequence could restyle a terminal.
     */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char character = text.charAt(i);
            boolean lineBreak = character == '\n' || character == '\r' || character == '\t' || character == '\u2028'
                    || character == '\u2029';
            boolean control = !lineBreak && Character.getType(character) == Character.CONTROL;
            if (!lineBreak && !control) {
                if (out != null) {
                    out.append(character);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (lineBreak) {
                out.append(' ');
            } else {
                out.append(String.format("\\u%04x", (int) character));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String colourOf(Status status) {
        return switch (status) {
            case PASS -> "\u001B[1;32m";
            case WARN -> "\u001B[1;31m";
            case INFO -> "\u001B[1;34m";
            case NOTE -> "\u001B[1;33m";
        };
    }
}
