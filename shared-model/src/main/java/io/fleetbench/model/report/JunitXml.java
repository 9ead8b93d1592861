package io.fleetbench.model.report;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders an audit report as JUnit XML for CI test reports: a {@code testsuite} per benchmark section and a
 * {@code testcase} per check and target. WARN becomes a {@code failure} whose message is the reason and whose body
 * is the remediation. INFO and NOTE become {@code skipped} with the status and reason, because they need a person's
 * judgement rather than a fix. Suites and cases follow the benchmark's order.
 *
 * <p>The overloads that take an {@code acceptance} function write a WARN finding for which it returns a
 * justification, such as an active waiver's, as {@code skipped} too. Its message states that the finding is waived
 * and gives the justification, and its body is the reason. The {@code failures} and {@code skipped} totals count
 * such a finding as skipped, so a CI job that gates on failures passes on accepted findings. The function is not
 * asked about findings of other statuses.
 *
 * <p>A fleet file is written in pieces for streaming: {@link #fleetStart}, {@link #fleetSuite} once per host, then
 * {@link #fleetEnd}. It has one {@code testsuite} per host, and each case's {@code classname} starts with the host id,
 * so that CI tools keep the same check on different hosts apart.
 */
public final class JunitXml {

    private static final Function<Finding, Optional<String>> NO_ACCEPTANCE = finding -> Optional.empty();

    private JunitXml() {
    }

    /** Renders {@code report} without file locations. */
    public static String render(HostFindingsEvaluated report) {
        return render(report, FindingLocator.NONE);
    }

    /** Renders {@code report}; a finding that {@code locator} places gets {@code file} and {@code line} attributes. */
    public static String render(HostFindingsEvaluated report, FindingLocator locator) {
        return render(report, locator, NO_ACCEPTANCE);
    }

    /**
     * Renders {@code report} like {@link #render(HostFindingsEvaluated, FindingLocator)}, and writes each WARN finding
     * for which {@code acceptance} gives a justification as skipped instead of failed, where
     * {@link SarifLog#render(HostFindingsEvaluated, Function)} marks it accepted. There is no two-argument form,
     * because a lambda would then match both this function type and {@link FindingLocator}.
     */
    public static String render(HostFindingsEvaluated report, FindingLocator locator,
            Function<Finding, Optional<String>> acceptance) {
        Map<String, List<Finding>> bySection = new TreeMap<>(CheckIdOrder.INSTANCE);
        Map<String, String> sectionTitles = new LinkedHashMap<>();
        List<Finding> ordered = new ArrayList<>(report.findings());
        ordered.sort((left, right) -> CheckIdOrder.INSTANCE.compare(left.checkId(), right.checkId()));
        for (Finding finding : ordered) {
            String section = sectionNumber(finding.checkId());
            bySection.computeIfAbsent(section, key -> new ArrayList<>()).add(finding);
            sectionTitles.putIfAbsent(section, finding.section());
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            characters(xml, "\n");
            xml.writeStartElement("testsuites");
            attribute(xml, "name", "fleetbench audit of " + report.host().name() + ", CIS Docker Benchmark "
                    + report.benchmarkVersion());
            writeTotals(xml, report.findings(), acceptance);
            for (Map.Entry<String, List<Finding>> section : bySection.entrySet()) {
                writeSuite(xml, report, section.getKey() + " - " + sectionTitles.get(section.getKey()),
                        section.getValue(), locator, acceptance);
            }
            characters(xml, "\n");
            xml.writeEndElement();
            characters(xml, "\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Failed to write the JUnit XML of report " + report.eventId(), e);
        }
        return out.toString();
    }

    /**
     * Returns the head of a fleet file: the XML declaration and the opening {@code testsuites} element. The element
      * has no totals, because a streamed file is started before its hosts are read. Each suite carries its own.
     */
    public static String fleetStart(String name) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            characters(xml, "\n");
            xml.writeStartElement("testsuites");
            attribute(xml, "name", name);
            // Closes the start tag, which the writer leaves open until the element's first content.
            characters(xml, "");
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Failed to write the head of the fleet JUnit XML '" + name + "'", e);
        }
        return out.toString();
    }

    /**
     * Renders {@code report} as one {@code testsuite} element of a fleet file, named by the host's name and id, with
     * the host id, engine version and benchmark version as suite properties.
     */
    public static String fleetSuite(HostFindingsEvaluated report) {
        return fleetSuite(report, NO_ACCEPTANCE);
    }

    /**
     * Renders {@code report} as one {@code testsuite} element of a fleet file like {@link #fleetSuite(
     * HostFindingsEvaluated)}, and writes each WARN finding for which {@code acceptance} gives a justification as
     * skipped instead of failed.
     */
    public static String fleetSuite(HostFindingsEvaluated report, Function<Finding, Optional<String>> acceptance) {
        List<Finding> ordered = new ArrayList<>(report.findings());
        ordered.sort((left, right) -> CheckIdOrder.INSTANCE.compare(left.checkId(), right.checkId()));
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            writeSuiteStart(xml, report, report.host().name() + " (" + report.hostId() + ")", ordered, acceptance);
            characters(xml, "\n    ");
            xml.writeStartElement("properties");
            writeProperty(xml, "hostId", report.hostId());
            writeProperty(xml, "engineVersion", report.engineVersion());
            writeProperty(xml, "benchmark", report.benchmarkId() + " " + report.benchmarkVersion());
            characters(xml, "\n    ");
            xml.writeEndElement();
            for (Finding finding : ordered) {
                writeCase(xml, report, finding, Optional.empty(), report.hostId() + ".", acceptance);
            }
            characters(xml, "\n  ");
            xml.writeEndElement();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Failed to write the JUnit XML suite of report " + report.eventId(), e);
        }
        return out.toString();
    }

    /** Returns the end of a fleet file, which closes the {@code testsuites} element that {@link #fleetStart} opened. */
    public static String fleetEnd() {
        return "\n</testsuites>\n";
    }

    private static void writeProperty(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        characters(xml, "\n      ");
        xml.writeEmptyElement("property");
        attribute(xml, "name", name);
        attribute(xml, "value", value);
    }

    private static void writeSuite(XMLStreamWriter xml, HostFindingsEvaluated report, String name,
            List<Finding> findings, FindingLocator locator, Function<Finding, Optional<String>> acceptance)
            throws XMLStreamException {
        writeSuiteStart(xml, report, name, findings, acceptance);
        for (Finding finding : findings) {
            writeCase(xml, report, finding, locator.locate(finding), "", acceptance);
        }
        characters(xml, "\n  ");
        xml.writeEndElement();
    }

    private static void writeSuiteStart(XMLStreamWriter xml, HostFindingsEvaluated report, String name,
            List<Finding> findings, Function<Finding, Optional<String>> acceptance) throws XMLStreamException {
        characters(xml, "\n  ");
        xml.writeStartElement("testsuite");
        attribute(xml, "name", name);
        writeTotals(xml, findings, acceptance);
        attribute(xml, "timestamp", report.occurredAt().toString());
        attribute(xml, "hostname", report.host().name());
    }

    /**
     * Writes the {@code tests}, {@code failures}, {@code skipped} and {@code errors} attributes of {@code findings}.
     * An accepted WARN counts as skipped, like INFO and NOTE.
     */
    private static void writeTotals(XMLStreamWriter xml, List<Finding> findings,
            Function<Finding, Optional<String>> acceptance) throws XMLStreamException {
        long failures = 0;
        long skipped = 0;
        for (Finding finding : findings) {
            if (finding.status() == Status.INFO || finding.status() == Status.NOTE) {
                skipped++;
            } else if (finding.status() == Status.WARN) {
                if (waiverJustification(finding, acceptance).isPresent()) {
                    skipped++;
                } else {
                    failures++;
                }
            }
        }
        attribute(xml, "tests", String.valueOf(findings.size()));
        attribute(xml, "failures", String.valueOf(failures));
        attribute(xml, "skipped", String.valueOf(skipped));
        attribute(xml, "errors", "0");
    }

    /** Returns the justification that accepts {@code finding}, which only a WARN finding can have. */
    private static Optional<String> waiverJustification(Finding finding,
            Function<Finding, Optional<String>> acceptance) {
        return finding.status() == Status.WARN ? acceptance.apply(finding) : Optional.empty();
    }

    private static void writeCase(XMLStreamWriter xml, HostFindingsEvaluated report, Finding finding,
            Optional<FindingLocation> location, String classnamePrefix,
            Function<Finding, Optional<String>> acceptance) throws XMLStreamException {
        characters(xml, "\n    ");
        boolean empty = finding.status() == Status.PASS;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        attribute(xml, "classname", classnamePrefix + report.benchmarkId() + "-" + report.benchmarkVersion() + "." + finding.checkId());
        attribute(xml, "name", finding.checkId() + " " + finding.title() + " [" + finding.targetKey() + "]");
        if (location.isPresent()) {
            attribute(xml, "file", location.get().uri());
            attribute(xml, "line", String.valueOf(location.get().line()));
        }
        if (empty) {
            return;
        }
        characters(xml, "\n      ");
        String reason = finding.reason();
        Optional<String> justification = waiverJustification(finding, acceptance);
        if (justification.isPresent()) {
            xml.writeStartElement("skipped");
            attribute(xml, "message", "WARN waived: " + justification.get());
            characters(xml, reason);
            xml.writeEndElement();
        } else if (finding.status() == Status.WARN) {
            xml.writeStartElement("failure");
            attribute(xml, "type", "WARN");
            attribute(xml, "message", reason);
            String remediation = finding.remediation();
            characters(xml, remediation == null ? reason : remediation.strip());
            xml.writeEndElement();
        } else {
            xml.writeEmptyElement("skipped");
            attribute(xml, "message", finding.status().name() + ": " + reason);
        }
        characters(xml, "\n    ");
        xml.writeEndElement();
    }

    /** Writes an attribute whose characters that XML 1.0 does not allow are replaced. */
    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, withoutInvalidXmlCharacters(value));
    }

    /** Writes text whose characters that XML 1.0 does not allow are replaced. */
    private static void characters(XMLStreamWriter xml, String text) throws XMLStreamException {
        xml.writeCharacters(withoutInvalidXmlCharacters(text));
    }

    /**
     * Replaces each character that XML 1.0 does not allow, such as a control character in a host name, a waiver's
     * free-text reason or a finding's reason, with U+FFFD. The JDK's StAX writer copies such a character unescaped,
     * and the file would not parse.
     */
    private static String withoutInvalidXmlCharacters(String text) {
        StringBuilder valid = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            boolean allowed = codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                    || (codePoint >= 0x20 && codePoint <= 0xD7FF) || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                    || codePoint >= 0x10000;
            valid.appendCodePoint(allowed ? codePoint : 0xFFFD);
        });
        return valid.toString();
    }

    private static String sectionNumber(String checkId) {
        int dot = checkId.indexOf('.');
        return dot < 0 ? checkId : checkId.substring(0, dot);
    }
}
