package io.fleetbench.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the dashboard's files as packaged and fails when they use a way to turn text into markup or code, or
 * anything that a Content-Security-Policy of {@code default-src 'self'} blocks: inline script, inline style, event
 * handler attributes and other origins.
 */
class DashboardScriptTests {

    /** DOM and JavaScript sinks that parse a string as HTML or run it as code. */
    private static final List<Pattern> FORBIDDEN_SCRIPT_SINKS = List.of(
            Pattern.compile("\\binnerHTML\\b"),
            Pattern.compile("\\bouterHTML\\b"),
            Pattern.compile("\\binsertAdjacentHTML\\b"),
            Pattern.compile("\\bcreateContextualFragment\\b"),
            Pattern.compile("\\bDOMParser\\b"),
            Pattern.compile("\\bsrcdoc\\b"),
            Pattern.compile("\\bdocument\\s*\\.\\s*write(ln)?\\b"),
            Pattern.compile("\\beval\\s*\\("),
            Pattern.compile("\\bnew\\s+Function\\b"),
            Pattern.compile("\\bFunction\\s*\\("),
            Pattern.compile("\\bset(Timeout|Interval)\\s*\\(\\s*['\"`]"),
            Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE));

    @Test
    void scriptUsesNoMarkupSinks() throws IOException {
        String script = read("dashboard.js");

        assertThat(script).isNotBlank();
        assertThat(forbiddenSinks(script)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cell.innerHTML = finding.reason;",
            "row.outerHTML = html;",
            "table.insertAdjacentHTML('beforeend', row);",
            "document.write(name);",
            "document . writeln(name);",
            "eval(code);",
            "const run = new Function('x', body);",
            "setTimeout(\"alert(1)\", 10);",
            "link.href = 'javascript:alert(1)';",
            "new DOMParser().parseFromString(text, 'text/html');"})
    void detectsEachForbiddenSink(String line) {
        assertThat(forbiddenSinks("const a = 1;\n" + line + "\n")).isNotEmpty();
    }

    @Test
    void pageHasNoInlineScriptOrStyle() throws IOException {
        String page = read("index.html");

        assertThat(page).doesNotContainPattern("(?i)<style");
        assertThat(page).doesNotContainPattern("(?i)\\sstyle\\s*=");
        assertThat(page).doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
        Matcher scripts = Pattern.compile("(?i)<script([^>]*)>").matcher(page);
        int scriptCount = 0;
        while (scripts.find()) {
            scriptCount++;
            assertThat(scripts.group(1)).as("attributes of script %s", scriptCount).contains("src=\"/dashboard/");
        }
        assertThat(scriptCount).isEqualTo(1);
    }

    @Test
    void filesLoadNothingFromOtherOrigins() throws IOException {
        for (String name : List.of("index.html", "dashboard.css", "dashboard.js")) {
            String content = read(name);

            // The SVG namespace URI names a namespace and is never fetched, so it is the one URL allowed.
            String withoutNamespace = content.replace("http://www.w3.org/2000/svg", "");
            assertThat(withoutNamespace).as(name).doesNotContainPattern("(?i)https?://");
            assertThat(withoutNamespace).as(name).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?//");
            assertThat(withoutNamespace).as(name).doesNotContainPattern("@import");
        }
    }

    /** Returns each line of {@code script} that matches a forbidden sink, with its line number. */
    private static List<String> forbiddenSinks(String script) {
        List<String> found = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            for (Pattern sink : FORBIDDEN_SCRIPT_SINKS) {
                if (sink.matcher(lines[index]).find()) {
                    found.add("line " + (index + 1) + " matches " + sink.pattern() + ": " + lines[index].strip());
                }
            }
        }
        return found;
    }

    private static String read(String name) throws IOException {
        return new ClassPathResource("fleetbench/dashboard/" + name).getContentAsString(StandardCharsets.UTF_8);
    }
}
