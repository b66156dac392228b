package io.parley.core.port.in;

import io.parley.core.call.CallId;
import io.parley.core.port.out.VoiceOutput;
import io.parley.core.telephony.SignedRequest;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.VoiceSession;

/** Lets a Twilio media stream carry the call its token was issued for, and starts the call's voice session. */
public interface ConnectCallMediaUseCase {

    /** Checks the stream's token, call and signature (blocking: call it off the event loop), then starts the voice. */
    Connection connect(CallMedia media, VoiceOutput output);

    /**
     * A media stream's {@code start}: the call token it presents, the call and stream it says it carries,
     * its audio format, and its upgrade request as Twilio signed it.
     */
    record CallMedia(String callToken, String providerCallId, String streamId, AudioFormat format,
            SignedRequest upgrade) {
    }

    /** Whether the stream goes on; handled through a {@link Visitor}. */
    sealed interface Connection {

        <R> R accept(Visitor<R> visitor);

        /** One handling of every outcome. */
        interface Visitor<R> {
            R started(Started started);

            R refused(Refused refused);

            R unavailable(Unavailable unavailable);
        }

        /** The call's voice session runs: drive it with the stream's media. */
        record Started(CallId callId, VoiceSession session) implements Connection {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.started(this);
            }
        }

        /** The stream may not carry this call (token, signature, a second stream, a call already over). */
        record Refused(String reason) implements Connection {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.refused(this);
            }
        }

        /** Voice cannot run now: speech not configured, or the node at its voice-session cap. */
        record Unavailable(String reason) implements Connection {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.unavailable(this);
            }
        }
    }
}
