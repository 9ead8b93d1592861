package io.fleetbench.report.waiver;

import java.util.regex.Pattern;

/** Matches names against a glob where {@code *} is any run of characters and {@code ?} one character. */
final class Glob {

    private Glob() {
    }

    /** Returns whether {@code glob} matches the whole of {@code name}, case-sensitively. */
    static boolean matches(String glob, String name) {
        return toPattern(glob).matcher(name).matches();
    }

    static Pattern toPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char character : glob.toCharArray()) {
            if (character == '*' || character == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(character == '*' ? ".*" : ".");
            } else {
                literal.append(character);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
