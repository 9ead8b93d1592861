package io.fleetbench.report.query;

import java.math.BigInteger;
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

    @Override
    public int compare(String left, String right) {
        int leftIndex = 0;
        int rightIndex = 0;
        while (leftIndex < left.length() && rightIndex < right.length()) {
            int leftEnd = runEnd(left, leftIndex);
            int rightEnd = runEnd(right, rightIndex);
            String leftRun = left.substring(leftIndex, leftEnd);
            String rightRun = right.substring(rightIndex, rightEnd);
            boolean leftNumeric = Character.isDigit(left.charAt(leftIndex));
            boolean rightNumeric = Character.isDigit(right.charAt(rightIndex));

            int result;
            if (leftNumeric && rightNumeric) {
                result = new BigInteger(leftRun).compareTo(new BigInteger(rightRun));
                if (result == 0) {
                    // Equal numbers: more leading zeros first, as "5.01" before "5.1".
                    result = Integer.compare(rightRun.length(), leftRun.length());
                }
            } else if (leftNumeric != rightNumeric) {
                // A number sorts before text at the same position, as in "5.1" before "5.a".
                result = leftNumeric ? -1 : 1;
            } else {
                result = leftRun.compareTo(rightRun);
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
