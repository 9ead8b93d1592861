package io.fleetbench.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlTests {

    private static final String JUSTIFICATION = "Accepted by waiver 7 (approved by lead, expires"
            + " 2030-01-01T00:00Z): accepted risk";

    /** Accepts every finding on container {@code accepted}, whatever its status. */
    private static final Function<Finding, Optional<String>> ACCEPT_CONTAINER = finding ->
            finding.targetKey().equals("container:accepted") ? Optional.of(JUSTIFICATION) : Optional.empty();

    private static Finding finding(String checkId, String container, Status status) {
        return new Finding(checkId, "Title of " + checkId, "Container Runtime", true, TargetKind.CONTAINER,
                TargetKind.CONTAINER.key(container), container + "-id", status, "observed on " + container,
                status == Status.WARN ? "fix it" : null);
    }

    private static HostFindingsEvaluated report(Finding... findings) {
        return new HostFindingsEvaluated(1, "rep-h-1", Instant.EPOCH,
                new HostDescriptor("h-1", "web-01", Map.of(), "0.1.0"), 3, "snap", Instant.EPOCH, "20.10.24",
                "cis-docker", "1.6.0", List.of(findings));
    }

    private static final HostFindingsEvaluated MIXED_REPORT = report(
            finding("5.5", "accepted", Status.WARN),
            finding("5.5", "open", Status.WARN),
            finding("5.12", "accepted", Status.INFO),
            finding("5.10", "accepted", Status.PASS));

    private static Element parse(String xml) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static Element testCase(Element root, String checkId, String container) {
        NodeList cases = root.getElementsByTagName("testcase");
        String name = checkId + " Title of " + checkId + " [container:" + container + "]";
        for (int index = 0; index < cases.getLength(); index++) {
            Element candidate = (Element) cases.item(index);
            if (candidate.getAttribute("name").equals(name)) {
                return candidate;
            }
        }
        throw new AssertionError("no testcase named '" + name + "'");
    }

    private static List<String> childNames(Element element) {
        List<String> names = new ArrayList<>();
        NodeList children = element.getChildNodes();
        for (int index = 0; index < children.getLength(); index++) {
            if (children.item(index) instanceof Element child) {
                names.add(child.getTagName());
            }
        }
        return names;
    }

    @Test
    void waivedWarnIsSkippedWithJustification() throws Exception {
        Element root = parse(JunitXml.render(MIXED_REPORT, FindingLocator.NONE, ACCEPT_CONTAINER));

        Element waived = testCase(root, "5.5", "accepted");
        assertThat(childNames(waived)).containsExactly("skipped");
        Element skipped = (Element) waived.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("WARN waived: " + JUSTIFICATION);
        assertThat(skipped.getTextContent()).isEqualTo("observed on accepted");
    }

    @Test
    void unwaivedWarnStaysFailure() throws Exception {
        Element root = parse(JunitXml.render(MIXED_REPORT, FindingLocator.NONE, ACCEPT_CONTAINER));

        Element open = testCase(root, "5.5", "open");
        assertThat(childNames(open)).containsExactly("failure");
        Element failure = (Element) open.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("observed on open");
        assertThat(failure.getTextContent()).isEqualTo("fix it");
    }

    @Test
    void acceptanceLeavesInfoAndPassAlone() throws Exception {
        Element root = parse(JunitXml.render(MIXED_REPORT, FindingLocator.NONE, ACCEPT_CONTAINER));

        Element info = (Element) testCase(root, "5.12", "accepted").getElementsByTagName("skipped").item(0);
        assertThat(info.getAttribute("message")).isEqualTo("INFO: observed on accepted");
        assertThat(childNames(testCase(root, "5.10", "accepted"))).isEmpty();
    }

    @Test
    void totalsCountWaivedWarnAsSkipped() throws Exception {
        Element root = parse(JunitXml.render(MIXED_REPORT, FindingLocator.NONE, ACCEPT_CONTAINER));

        assertThat(root.getAttribute("tests")).isEqualTo("4");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");
        Element suite = (Element) root.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("5 - Container Runtime");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
    }

    @Test
    void renderWithoutAcceptanceFailsEveryWarn() throws Exception {
        Element root = parse(JunitXml.render(MIXED_REPORT));

        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        assertThat(childNames(testCase(root, "5.5", "accepted"))).containsExactly("failure");
    }

    @Test
    void fleetSuiteSkipsWaivedWarn() throws Exception {
        String xml = JunitXml.fleetStart("fleet") + JunitXml.fleetSuite(MIXED_REPORT, ACCEPT_CONTAINER)
                + JunitXml.fleetEnd();
        Element root = parse(xml);

        Element suite = (Element) root.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        Element waived = testCase(root, "5.5", "accepted");
        assertThat(((Element) waived.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("WARN waived: " + JUSTIFICATION);
        assertThat(childNames(testCase(root, "5.5", "open"))).containsExactly("failure");
    }

    @Test
    void controlCharacterInReasonIsReplaced() throws Exception {
        Finding finding = new Finding("5.5", "Title of 5.5", "Container Runtime", true, TargetKind.CONTAINER,
                "container:open", "open-id", Status.WARN, "label\u0007value", "fix\u0000it");

        Element root = parse(JunitXml.render(report(finding)));

        Element failure = (Element) testCase(root, "5.5", "open").getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("label\uFFFDvalue");
        assertThat(failure.getTextContent()).isEqualTo("fix\uFFFDit");
    }

    @Test
    void controlCharacterInJustificationIsReplaced() throws Exception {
        HostFindingsEvaluated report = report(finding("5.5", "accepted", Status.WARN));

        Element root = parse(JunitXml.render(report, FindingLocator.NONE,
                finding -> Optional.of("risk\u0001accepted")));

        Element skipped = (Element) testCase(root, "5.5", "accepted").getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo("WARN waived: risk\uFFFDaccepted");
    }

    @Test
    void controlCharacterInHostNameIsReplaced() throws Exception {
        HostFindingsEvaluated report = new HostFindingsEvaluated(1, "rep-h-2", Instant.EPOCH,
                new HostDescriptor("h-2", "web\u0001-02", Map.of(), "0.1.0"), 3, "snap", Instant.EPOCH, "20.10.24",
                "cis-docker", "1.6.0", List.of(finding("5.5", "open", Status.WARN)));

        String host = JunitXml.render(report);
        String fleet = JunitXml.fleetStart("fleet") + JunitXml.fleetSuite(report) + JunitXml.fleetEnd();

        assertThat(parse(host).getAttribute("name")).contains("web\uFFFD-02");
        assertThat(parse(fleet).getElementsByTagName("testsuite").getLength()).isEqualTo(1);
    }
}
