package io.fleetbench.report.query;

import java.util.Comparator;

/**
 * Orders recommendation ids as the benchmark document does: runs of digits compare as numbers, so {@code 5.9}
 * comes before {@code 5.10} and {@code 1.1} before {@code 1.1.1}. Other characters compare as text. Of two equal
 * numbers, the one with more leading zeros comes first ({@code 5.01} before {@code 5.1}), so the order is total.
 */
public final class CheckIdOrder implements Comparator<String> {

    /** The shared instance, which is safe to share because the comparator has no state. */
    public static final CheckIdOrder INSTANCE = new CheckIdOrder();

    private CheckIdOrder() {
    }

    /** Compares without allocating, because summaries sort hundreds of ids per request. */
    @Override
    public int compare(String left, String right) {
        int leftIndex = 0;
        int rightIndex = 0;
        while (leftIndex < left.length() && rightIndex < right.length()) {
            int leftEnd = runEnd(left, leftIndex);
            int rightEnd = runEnd(right, rightIndex);
            boolean leftNumeric = Character.isDigit(left.charAt(leftIndex));
            boolean rightNumeric = Character.isDigit(right.charAt(rightIndex));

            int result;
            if (leftNumeric && rightNumeric) {
                result = compareNumbers(left, leftIndex, leftEnd, right, rightIndex, rightEnd);
                if (result == 0) {
                    // Equal numbers: more leading zeros first, as "5.01" before "5.1".
                    result = Integer.compare(rightEnd - rightIndex, leftEnd - leftIndex);
                }
            } else if (leftNumeric != rightNumeric) {
                // A number sorts before text at the same position, as in "5.1" before "5.a".
                result = leftNumeric ? -1 : 1;
            } else {
                result = compareText(left, leftIndex, leftEnd, right, rightIndex, rightEnd);
            }
            if (result != 0) {
                return result;
            }
            leftIndex = leftEnd;
            rightIndex = rightEnd;
        }
        int byLength = Integer.compare(left.length() - leftIndex, right.length() - rightIndex);
        return byLength != 0 ? byLength : left.compareTo(right);
    }

    /** Compares two runs of digits by value: first by the number of significant digits, then digit by digit. */
    private static int compareNumbers(String left, int leftStart, int leftEnd, String right, int rightStart,
            int rightEnd) {
        int leftFirst = firstSignificant(left, leftStart, leftEnd);
        int rightFirst = firstSignificant(right, rightStart, rightEnd);
        int byDigits = Integer.compare(leftEnd - leftFirst, rightEnd - rightFirst);
        if (byDigits != 0) {
            return byDigits;
        }
        for (int offset = 0; leftFirst + offset < leftEnd; offset++) {
            int byDigit = Integer.compare(Character.digit(left.charAt(leftFirst + offset), 10),
                    Character.digit(right.charAt(rightFirst + offset), 10));
            if (byDigit != 0) {
                return byDigit;
            }
        }
        return 0;
    }

    /** Returns the index of the first digit after the leading zeros, or {@code end} for a run of zeros. */
    private static int firstSignificant(String value, int start, int end) {
        int first = start;
        while (first < end && Character.digit(value.charAt(first), 10) == 0) {
            first++;
        }
        return first;
    }

    /** Compares two runs of other characters as {@link String#compareTo} compares the substrings. */
    private static int compareText(String left, int leftStart, int leftEnd, String right, int rightStart,
            int rightEnd) {
        int length = Math.min(leftEnd - leftStart, rightEnd - rightStart);
        for (int offset = 0; offset < length; offset++) {
            int byChar = Character.compare(left.charAt(leftStart + offset), right.charAt(rightStart + offset));
            if (byChar != 0) {
                return byChar;
            }
        }
        return Integer.compare(leftEnd - leftStart, rightEnd - rightStart);
    }

    /**
     * Returns a key whose byte order (PostgreSQL's {@code "C"} collation) is this comparator's order, so that the
     * database can sort and page by check id. Each run of digits becomes a marker, the number of significant
     * digits, the digits and a leading-zero count. Each run of other characters becomes a marker, the text and a
     * terminator that sorts before any character. The key is longer than the id by at most three characters per run.
     *
     * <p>The SQL in the V4 migration builds the same key for rows stored before it; the two must stay equal.
     */
    public static String sortKey(String checkId) {
        StringBuilder key = new StringBuilder(checkId.length() * 2);
        int start = 0;
        while (start < checkId.length()) {
            int end = runEnd(checkId, start);
            String run = checkId.substring(start, end);
            if (Character.isDigit(run.charAt(0))) {
                String significant = stripLeadingZeros(run);
                key.append('\u0002')
                        .append((char) ('0' + significant.length()))
                        .append(significant)
                        // More leading zeros sort first, as the comparator orders equal numbers.
                        .append((char) ('9' - (run.length() - significant.length())));
            } else {
                key.append('\u0003').append(run).append('\u0001');
            }
            start = end;
        }
        return key.toString();
    }

    private static String stripLeadingZeros(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        return digits.charAt(first) == '0' ? "" : digits.substring(first);
    }

    /** Returns the end of the run of digits or of non-digits that starts at {@code start}. */
    private static int runEnd(String value, int start) {
        boolean digits = Character.isDigit(value.charAt(start));
        int end = start + 1;
        while (end < value.length() && Character.isDigit(value.charAt(end)) == digits) {
            end++;
        }
        return end;
    }
}
