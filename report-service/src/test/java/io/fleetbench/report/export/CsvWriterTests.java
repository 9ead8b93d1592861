package io.fleetbench.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTests {

    @Test
    void plainFieldsStayUnquoted() {
        assertThat(CsvWriter.record(List.of("a", "b c", ""))).isEqualTo("a,b c,\r\n");
    }

    @Test
    void separatorsAndQuotesAreQuoted() {
        assertThat(CsvWriter.field("x,y")).isEqualTo("\"x,y\"");
        assertThat(CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
    }

    @Test
    void formulaPrefixesGetQuoteMark() {
        assertThat(CsvWriter.field("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvWriter.field("+1")).isEqualTo("'+1");
        assertThat(CsvWriter.field("-1")).isEqualTo("'-1");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.field("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvWriter.field("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        assertThat(CsvWriter.field("a=b")).isEqualTo("a=b");
    }
}
