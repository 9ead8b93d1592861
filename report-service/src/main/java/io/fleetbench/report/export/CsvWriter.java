package io.fleetbench.report.export;

import java.util.List;

/**
 * Writes CSV records as RFC 4180 describes: fields separated by commas, records ended by CRLF, and a field quoted
 * when it contains a comma, a double quote, CR or LF, with its double quotes doubled.
 *
 * <p>A field that starts with {@code =}, {@code +}, {@code -} or {@code @} gets a leading single quote, so that a
 * spreadsheet shows it as text instead of evaluating it as a formula. Reasons and target names come from the
 * audited hosts, so a container named {@code =HYPERLINK(...)} must not run in an auditor's spreadsheet. Fields that
 * start with a tab or CR get the same prefix, because some spreadsheets strip those characters before parsing.
 */
final class CsvWriter {

    private CsvWriter() {
    }

    /** Returns one record, ending with CRLF. */
    static String record(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int index = 0; index < fields.size(); index++) {
            if (index > 0) {
                line.append(',');
            }
            line.append(field(fields.get(index)));
        }
        return line.append("\r\n").toString();
    }

    static String field(String value) {
        String safe = value;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            safe = "'" + value;
        }
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
