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
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders an audit report as JUnit XML for CI test reports: a {@code testsuite} per benchmark section and a
 * {@code testcase} per check and target. WARN becomes a {@code failure} whose message is the reason and whose body
 * is the remediation. INFO and NOTE become {@code skipped} with the status and reason, because they need a person's
 * judgement rather than a fix. Suites and cases follow the benchmark's order.
 *
 * <p>A fleet file is written in pieces for streaming: {@link #fleetStart}, {@link #fleetSuite} once per host, then
 * {@link #fleetEnd}. It has one {@code testsuite} per host, and each case's {@code classname} starts with the host id,
 * so that CI tools keep the same check on different hosts apart.
 */
public final class JunitXml {

    private JunitXml() {
    }

    /** Renders {@code report} without file locations. */
    public static String render(HostFindingsEvaluated report) {
        return render(report, FindingLocator.NONE);
    }

    /** Renders {@code report}; a finding that {@code locator} places gets {@code file} and {@code line} attributes. */
    public static String render(HostFindingsEvaluated report, FindingLocator locator) {
        Map<String, List<Finding>> bySection = new TreeMap<>(CheckIdOrder.INSTANCE);
        Map<String, String> sectionTitles = new LinkedHashMap<>();
        List<Finding> ordered = new ArrayList<>(report.findings());
        ordered.sort((left, right) -> CheckIdOrder.INSTANCE.compare(left.checkId(), right.checkId()));
        for (Finding finding : ordered) {
            String section = sectionNumber(finding.checkId());
            bySection.computeIfAbsent(section, key -> new ArrayList<>()).add(finding);
            sectionTitles.putIfAbsent(section, finding.section());
        }
        ReportSummary summary = ReportSummary.of(report);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "fleetbench audit of " + report.host().name() + ", CIS Docker Benchmark "
                    + report.benchmarkVersion());
            xml.writeAttribute("tests", String.valueOf(report.findings().size()));
            xml.writeAttribute("failures", String.valueOf(summary.warn()));
            xml.writeAttribute("skipped", String.valueOf(summary.info() + summary.note()));
            xml.writeAttribute("errors", "0");
            for (Map.Entry<String, List<Finding>> section : bySection.entrySet()) {
                writeSuite(xml, report, section.getKey() + " - " + sectionTitles.get(section.getKey()),
                        section.getValue(), locator);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
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
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", name);
            // Closes the start tag, which the writer leaves open until the element's first content.
            xml.writeCharacters("");
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
        List<Finding> ordered = new ArrayList<>(report.findings());
        ordered.sort((left, right) -> CheckIdOrder.INSTANCE.compare(left.checkId(), right.checkId()));
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            writeSuiteStart(xml, report, report.host().name() + " (" + report.hostId() + ")", ordered);
            xml.writeCharacters("\n    ");
            xml.writeStartElement("properties");
            writeProperty(xml, "hostId", report.hostId());
            writeProperty(xml, "engineVersion", report.engineVersion());
            writeProperty(xml, "benchmark", report.benchmarkId() + " " + report.benchmarkVersion());
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
            for (Finding finding : ordered) {
                writeCase(xml, report, finding, Optional.empty(), report.hostId() + ".");
            }
            xml.writeCharacters("\n  ");
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
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static void writeSuite(XMLStreamWriter xml, HostFindingsEvaluated report, String name,
            List<Finding> findings, FindingLocator locator) throws XMLStreamException {
        writeSuiteStart(xml, report, name, findings);
        for (Finding finding : findings) {
            writeCase(xml, report, finding, locator.locate(finding), "");
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeSuiteStart(XMLStreamWriter xml, HostFindingsEvaluated report, String name,
            List<Finding> findings) throws XMLStreamException {
        long failures = findings.stream().filter(finding -> finding.status() == Status.WARN).count();
        long skipped = findings.stream()
                .filter(finding -> finding.status() == Status.INFO || finding.status() == Status.NOTE)
                .count();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", String.valueOf(findings.size()));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("skipped", String.valueOf(skipped));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("timestamp", report.occurredAt().toString());
        xml.writeAttribute("hostname", report.host().name());
    }

    private static void writeCase(XMLStreamWriter xml, HostFindingsEvaluated report, Finding finding,
            Optional<FindingLocation> location, String classnamePrefix) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        boolean empty = finding.status() == Status.PASS;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", classnamePrefix + report.benchmarkId() + "-" + report.benchmarkVersion() + "." + finding.checkId());
        xml.writeAttribute("name", finding.checkId() + " " + finding.title() + " [" + finding.targetKey() + "]");
        if (location.isPresent()) {
            xml.writeAttribute("file", location.get().uri());
            xml.writeAttribute("line", String.valueOf(location.get().line()));
        }
        if (empty) {
            return;
        }
        xml.writeCharacters("\n      ");
        if (finding.status() == Status.WARN) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "WARN");
            xml.writeAttribute("message", finding.reason());
            String remediation = finding.remediation();
            xml.writeCharacters(remediation == null ? finding.reason() : remediation.strip());
            xml.writeEndElement();
        } else {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", finding.status().name() + ": " + finding.reason());
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static String sectionNumber(String checkId) {
        int dot = checkId.indexOf('.');
        return dot < 0 ? checkId : checkId.substring(0, dot);
    }
}
