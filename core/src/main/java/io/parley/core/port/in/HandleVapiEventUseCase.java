package io.parley.core.port.in;

import io.parley.core.agent.Agent;
import io.parley.core.telephony.VapiEvent;
import java.util.Optional;

/** Vapi's server-URL events: which tenant sent them (by its secret), the call they belong to, and what to answer. */
public interface HandleVapiEventUseCase {

    /**
     * Checks the secret (a refusal is audited, never with the secret), then applies the event to its call, storing
     * the call with a new phone conversation the first time its id comes (blocking). A replayed event changes nothing.
     */
    Outcome handle(Optional<String> secret, VapiEvent event);

    /** What became of an event; handled through a {@link Visitor}. */
    sealed interface Outcome {

        <R> R accept(Visitor<R> visitor);

        /** One handling of every outcome. */
        interface Visitor<R> {
            R assistant(Assistant assistant);

            R handled(Handled handled);

            R ignored(Ignored ignored);

            R unauthorized(Unauthorized unauthorized);

            R forbidden(Forbidden forbidden);

            R malformed(Malformed malformed);
        }

        /** Vapi asked which assistant takes the call: the tenant's default agent. */
        record Assistant(Agent agent) implements Outcome {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.assistant(this);
            }
        }

        /** Applied to the call, or already applied before (a replay). */
        record Handled() implements Outcome {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.handled(this);
            }
        }

        /** A kind of event Parley does not use, or a partial transcript. */
        record Ignored() implements Outcome {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.ignored(this);
            }
        }

        /** The secret is missing or belongs to no tenant. */
        record Unauthorized(String reason) implements Outcome {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.unauthorized(this);
            }
        }

        /** The call belongs to another tenant. */
        record Forbidden(String reason) implements Outcome {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.forbidden(this);
            }
        }

        /** A field this kind of event needs is missing or invalid. */
        record Malformed(String reason) implements Outcome {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.malformed(this);
            }
        }
    }
}
