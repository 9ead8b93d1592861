package io.fleetbench.report.query;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders recommendation ids as the benchmark document does: runs of digits compare as numbers, so {@code 5.9}
 * comes before {@code 5.10} and {@code 1.1} before {@code 1.1.1}. Other characters compare as text. Ids that
 * differ only in leading zeros ({@code 5.01} and {@code 5.1}) fall back to plain text order, so the order is total.
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
