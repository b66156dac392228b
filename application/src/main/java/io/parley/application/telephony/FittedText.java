package io.parley.application.telephony;

import io.parley.core.StorableText;

/** Text a provider sends, made fit to store: NULs replaced, cut to the most characters its column holds. */
final class FittedText {

    private FittedText() {
    }

    /** The text, scrubbed and at most {@code maxChars} long (never ending in half a surrogate pair). */
    static String fit(String text, int maxChars) {
        String storable = StorableText.scrub(text);
        if (storable.length() <= maxChars) {
            return storable;
        }
        int end = Character.isHighSurrogate(storable.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return storable.substring(0, end);
    }
}
