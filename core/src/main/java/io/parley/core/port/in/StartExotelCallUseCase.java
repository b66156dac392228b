package io.parley.core.port.in;

import io.parley.core.InvalidInputException;
import io.parley.core.port.in.ConnectCallMediaUseCase.Connection;
import io.parley.core.port.out.VoiceOutput;
import io.parley.core.telephony.ExotelGrant;
import io.parley.core.voice.AudioFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Takes an Exotel call at its voicebot stream's {@code start} (no webhook comes before it): stores the call
 * with its phone conversation, claims its stream, and starts its voice session.
 */
public interface StartExotelCallUseCase {

    /** Checks and stores the call (blocking: call it off the event loop), then starts the voice. */
    Connection start(ExotelCall call, VoiceOutput output);

    /**
     * A stream's {@code start}: the account the stream authenticated as, the account, call and stream it
     * names, who called which number, and the stream's audio format. Ids are 2 to 100 letters, digits,
     * {@code _ . -}; numbers at most 64 characters.
     */
    record ExotelCall(ExotelGrant grant, String accountSid, String callSid, String streamSid, String from, String to,
            AudioFormat format) {

        private static final Pattern ID = Pattern.compile("[0-9A-Za-z_.-]{2,100}");
        private static final int MOST_NUMBER_CHARS = 64;

        public ExotelCall {
            Objects.requireNonNull(grant);
            Objects.requireNonNull(format);
            requireId("start.account_sid", accountSid);
            requireId("start.call_sid", callSid);
            requireId("start.stream_sid", streamSid);
            from = requireNumber("start.from", from);
            to = requireNumber("start.to", to);
        }

        private static void requireId(String field, String value) {
            if (value == null || !ID.matcher(value).matches()) {
                throw InvalidInputException.invalid(field + " must be 2 to 100 letters, digits, _ . or -");
            }
        }

        private static String requireNumber(String field, String value) {
            if (value != null && value.length() > MOST_NUMBER_CHARS) {
                throw InvalidInputException.invalid(field + " must be at most " + MOST_NUMBER_CHARS + " characters");
            }
            return value == null ? "" : value;
        }
    }
}
