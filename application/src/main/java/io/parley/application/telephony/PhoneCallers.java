package io.parley.application.telephony;

import io.parley.core.session.PeerId;

/** The peer a phone conversation is with: the caller's number as a peer id ({@code phone-15551234567}). */
final class PhoneCallers {

    private PhoneCallers() {
    }

    static PeerId peerOf(String number) {
        String digits = number.replaceAll("[^0-9A-Za-z]", "");
        return new PeerId("phone-" + (digits.isEmpty() ? "unknown" : digits.substring(0, Math.min(50, digits.length()))));
    }
}
