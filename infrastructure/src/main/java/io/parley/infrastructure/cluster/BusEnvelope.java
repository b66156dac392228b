package io.parley.infrastructure.cluster;

import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.RoomName;
import java.util.Optional;
import java.util.UUID;

/**
 * The text carried on a node's channel: "{session}\n{kind}\n{body}". Relayed frames (kind R) keep
 * their JSON untouched so the hot path never re-encodes them; the relay script writes the same form.
 */
record BusEnvelope(SessionId session, Outbound frame) {

    static final String RELAYED = "R";

    String encode() {
        return session + "\n" + body(frame);
    }

    private static String body(Outbound frame) {
        if (frame instanceof Outbound.Relayed r) {
            return RELAYED + "\n" + r.json();
        } else if (frame instanceof Outbound.PeerJoined j) {
            return "J\n" + j.room() + "\n" + j.peer();
        } else if (frame instanceof Outbound.PeerLeft l) {
            return "L\n" + l.room() + "\n" + l.peer() + "\n" + l.reason();
        } else if (frame instanceof Outbound.Close c) {
            return "C\n" + c.code() + "\n" + c.reason();
        }
        return "X\n" + ((Outbound.Reconnect) frame).reason();
    }

    static Optional<BusEnvelope> decode(String text) {
        String[] head = text.split("\n", 3);
        if (head.length < 3) {
            return Optional.empty();
        }
        try {
            SessionId session = new SessionId(UUID.fromString(head[0]));
            String body = head[2];
            String[] f = body.split("\n", 3);
            Outbound frame = switch (head[1]) {
                case RELAYED -> new Outbound.Relayed(body);
                case "J" -> new Outbound.PeerJoined(new RoomName(f[0]), new PeerId(f[1]));
                case "L" -> new Outbound.PeerLeft(new RoomName(f[0]), new PeerId(f[1]), f[2]);
                case "C" -> new Outbound.Close(Integer.parseInt(f[0]), f[1]);
                case "X" -> new Outbound.Reconnect(body);
                default -> null;
            };
            return Optional.ofNullable(frame).map(fr -> new BusEnvelope(session, fr));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
