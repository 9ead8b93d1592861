package io.fleetbench.model.report;

import java.util.Comparator;

/**
 * Orders recommendation ids the way the benchmark does: numerically per dot-separated part, so 5.10 follows 5.9,
 * and ids with a non-numeric part (such as {@code FB.1}) after the numbered ones, alphabetically.
 */
public final class CheckIdOrder implements Comparator<String> {

    public static final CheckIdOrder INSTANCE = new CheckIdOrder();

    private CheckIdOrder() {
    }

    @Override
    public int compare(String left, String right) {
        String[] leftParts = left.split("\\.");
        String[] rightParts = right.split("\\.");
        boolean leftNumeric = isNumeric(leftParts[0]);
        boolean rightNumeric = isNumeric(rightParts[0]);
        if (leftNumeric != rightNumeric) {
            return leftNumeric ? -1 : 1;
        }
        for (int i = 0; i < Math.min(leftParts.length, rightParts.length); i++) {
            int result = comparePart(leftParts[i], rightParts[i]);
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(leftParts.length, rightParts.length);
    }

    private static int comparePart(String left, String right) {
        if (isNumeric(left) && isNumeric(right)) {
            return Long.compare(Long.parseLong(left), Long.parseLong(right));
        }
        return left.compareTo(right);
    }

    private static boolean isNumeric(String part) {
        return !part.isEmpty() && part.length() < 18 && part.chars().allMatch(Character::isDigit);
    }
}
