package io.parley.core.port.in;

import io.parley.core.call.CallId;
import io.parley.core.telephony.SignedRequest;

/** Answers Twilio's incoming-call webhook: which tenant, whether Twilio really sent it, and how to go on. */
public interface AnswerTwilioCallUseCase {

    /** Checks the request, stores the call and its conversation (blocking), and says how to answer. */
    Answer answer(SignedRequest webhook);

    /** How the call is answered; handled through a {@link Visitor}. */
    sealed interface Answer {

        <R> R accept(Visitor<R> visitor);

        /** One handling of every answer. */
        interface Visitor<R> {
            R connect(Connect connect);

            R unknownNumber(UnknownNumber unknown);

            R forbidden(Forbidden forbidden);

            R malformed(Malformed malformed);
        }

        /** Stream the call's media to Parley, presenting this token. */
        record Connect(CallId callId, String callToken) implements Answer {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.connect(this);
            }
        }

        /** No tenant has the called number: tell the caller, and hang up. */
        record UnknownNumber() implements Answer {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.unknownNumber(this);
            }
        }

        /** The signature is missing or wrong, or the account does not own the number. */
        record Forbidden(String reason) implements Answer {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.forbidden(this);
            }
        }

        /** A parameter every call has is missing. */
        record Malformed(String reason) implements Answer {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.malformed(this);
            }
        }
    }
}
