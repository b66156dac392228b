package io.parley.core;

/** The rule for outside text Parley keeps: Postgres cannot store NUL (U+0000), so it is refused or replaced. */
public final class StorableText {

    /** What stands for a NUL in text Parley keeps whatever it holds (model output, close reasons). */
    public static final char REPLACEMENT = '\uFFFD';

    private static final char NUL = '\u0000';

    private StorableText() {
    }

    /** Whether the text can be stored as it is. */
    public static boolean isStorable(String text) {
        return text.indexOf(NUL) < 0;
    }

    /** The text itself; refused with {@code invalid_request}, naming the field, when it holds a NUL. */
    public static String require(String field, String text) {
        if (text != null && !isStorable(text)) {
            throw InvalidInputException.invalid(field + " must not contain NUL (U+0000) characters");
        }
        return text;
    }

    /** The text with every NUL replaced by U+FFFD, for text that is kept rather than refused. */
    public static String scrub(String text) {
        return text.replace(NUL, REPLACEMENT);
    }
}
