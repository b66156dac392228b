package io.parley.infrastructure.cluster;

import io.parley.core.session.CloseCause;
import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.ResumeClaim;
import io.parley.core.signal.RoomName;
import io.parley.core.tenant.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * What travels on a node's bus channel, as text "{session}\n{kind}\n{body}". Relayed frames (kind R)
 * keep their JSON untouched so the hot path never re-encodes them; the relay script writes the same form.
 */
sealed interface BusMessage {

    String RELAYED = "R";

    String encode();

    /** A frame for one session of the node. */
    record ToSession(SessionId session, Outbound frame) implements BusMessage {

        @Override
        public String encode() {
            return session + "\n" + body(frame);
        }

        private static String body(Outbound frame) {
            return frame.accept(WIRE);
        }

        /** Each kind's kind letter and body on the wire. */
        private static final Outbound.Visitor<String> WIRE = new Outbound.Visitor<>() {
            @Override
            public String relayed(Outbound.Relayed r) {
                return RELAYED + "\n" + r.json();
            }

            @Override
            public String peerJoined(Outbound.PeerJoined j) {
                return "J\n" + j.room() + "\n" + j.peer();
            }

            @Override
            public String peerLeft(Outbound.PeerLeft l) {
                return "L\n" + l.room() + "\n" + l.peer() + "\n" + l.reason();
            }

            @Override
            public String reconnect(Outbound.Reconnect x) {
                return "X\n" + x.reason();
            }

            @Override
            public String close(Outbound.Close c) {
                return "C\n" + c.cause().name();
            }
        };
    }

    /** A resume on node {@code askedBy} asks this node to hand one of its sessions over. */
    record Handover(ResumeClaim claim, String askedBy, UUID requestId) implements BusMessage {

        @Override
        public String encode() {
            return claim.sessionId() + "\nH\n" + claim.tenantId() + "\n" + claim.peerId() + "\n" + claim.tokenHash()
                    + "\n" + askedBy + "\n" + requestId;
        }
    }

    /** The answer to a handover request: whether the session was handed over. */
    record HandoverVerdict(UUID requestId, boolean handedOver) implements BusMessage {

        @Override
        public String encode() {
            return requestId + "\nV\n" + (handedOver ? "Y" : "N");
        }
    }

    /** A marker a node sends itself: once it comes back, everything published to the node before it has. */
    record Fence(UUID id) implements BusMessage {

        @Override
        public String encode() {
            return id + "\nF\n-";
        }
    }

    private static Handover handover(SessionId session, String[] f) {
        return new Handover(new ResumeClaim(session, new TenantId(UUID.fromString(f[0])), new PeerId(f[1]), f[2]), f[3],
                UUID.fromString(f[4]));
    }

    static Optional<BusMessage> decode(String text) {
        String[] head = text.split("\n", 3);
        if (head.length < 3) {
            return Optional.empty();
        }
        try {
            SessionId session = new SessionId(UUID.fromString(head[0]));
            String body = head[2];
            String[] f = body.split("\n", 3);
            BusMessage message = switch (head[1]) {
                case RELAYED -> new ToSession(session, new Outbound.Relayed(body));
                case "J" -> new ToSession(session, new Outbound.PeerJoined(new RoomName(f[0]), new PeerId(f[1])));
                case "L" -> new ToSession(session, new Outbound.PeerLeft(new RoomName(f[0]), new PeerId(f[1]), f[2]));
                case "C" -> new ToSession(session, new Outbound.Close(CloseCause.valueOf(body)));
                case "X" -> new ToSession(session, new Outbound.Reconnect(body));
                case "H" -> handover(session, body.split("\n", 5));
                case "V" -> new HandoverVerdict(session.value(), "Y".equals(body));
                case "F" -> new Fence(session.value());
                default -> null;
            };
            return Optional.ofNullable(message);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
