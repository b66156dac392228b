package io.parley.presentation.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.core.session.ClientSession;
import io.parley.core.signal.JoinOutcome;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.RoomRejoin;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Builds the JSON frames the server sends on the signalling socket. */
@Singleton
class ServerFrames {

    static final int PROTOCOL_VERSION = 1;

    private final ObjectMapper json;

    ServerFrames(ObjectMapper json) {
        this.json = json;
    }

    String welcome(ClientSession session) {
        ObjectNode frame = frame("welcome");
        frame.put("sessionId", session.id().toString());
        frame.put("peerId", session.peerId().value());
        frame.put("tenantId", session.tenantId().toString());
        frame.put("protocol", PROTOCOL_VERSION);
        frame.put("resumeToken", session.resumeToken());
        return frame.toString();
    }

    String resumed(long missed, boolean lost) {
        ObjectNode frame = frame("resumed").put("missed", missed);
        if (lost) {
            frame.put("lost", true);
        }
        return frame.toString();
    }

    String joined(Optional<String> replyTo, String room, java.util.List<String> peers) {
        ObjectNode frame = frame("joined");
        replyTo.ifPresent(id -> frame.put("replyTo", id));
        frame.put("room", room);
        peers.forEach(frame.putArray("peers")::add);
        return frame.toString();
    }

    /** A resumed session is back in a room (who is in it now), or could not be put back. */
    String rejoined(RoomRejoin rejoin) {
        String room = rejoin.room().value();
        if (rejoin.outcome() instanceof JoinOutcome.Joined joined) {
            ObjectNode frame = frame("joined").put("room", room).put("rejoined", true);
            joined.others().forEach(member -> frame.withArray("peers").add(member.peerId().value()));
            frame.withArray("peers");
            return frame.toString();
        }
        boolean full = rejoin.outcome() instanceof JoinOutcome.Full;
        return errorNode(full ? "room_full" : "room_limit", "could not rejoin room " + room
                + (full ? ": it is full" : ": too many rooms"), Optional.empty()).put("room", room).toString();
    }

    String left(Optional<String> replyTo, String room) {
        ObjectNode frame = frame("left");
        replyTo.ifPresent(id -> frame.put("replyTo", id));
        return frame.put("room", room).toString();
    }

    /** A relayed frame: the sender's JSON as it is, with "seq" appended (0 for none). */
    String relayed(Outbound.Relayed relayed, long seq) {
        String json = relayed.json();
        return seq == 0 || !json.endsWith("}") ? json : json.substring(0, json.length() - 1)
                + (json.length() > 2 ? ",\"seq\":" : "\"seq\":") + seq + "}";
    }

    String peerJoined(Outbound.PeerJoined joined, long seq) {
        return numbered(frame("peer.joined").put("room", joined.room().value()).put("peer", joined.peer().value()),
                seq);
    }

    String peerLeft(Outbound.PeerLeft left, long seq) {
        return numbered(frame("peer.left").put("room", left.room().value()).put("peer", left.peer().value())
                .put("reason", left.reason()), seq);
    }

    String reconnect(Outbound.Reconnect reconnect) {
        return frame("reconnect").put("reason", reconnect.reason()).toString();
    }

    private static String numbered(ObjectNode frame, long seq) {
        return seq == 0 ? frame.toString() : frame.put("seq", seq).toString();
    }

    String responseDelta(Optional<String> replyTo, String delta) {
        ObjectNode frame = frame("response.delta");
        replyTo.ifPresent(id -> frame.put("replyTo", id));
        frame.put("delta", delta);
        return frame.toString();
    }

    String voiceStarted(Optional<String> replyTo, String conversationId) {
        ObjectNode frame = frame("voice.started");
        replyTo.ifPresent(id -> frame.put("replyTo", id));
        return frame.put("conversationId", conversationId).toString();
    }

    String voiceStopped(Optional<String> replyTo, String reason) {
        ObjectNode frame = frame("voice.stopped");
        replyTo.ifPresent(id -> frame.put("replyTo", id));
        return frame.put("reason", reason).toString();
    }

    String transcript(String text, boolean isFinal) {
        return frame("transcript").put("text", text).put("final", isFinal).toString();
    }

    /** audio.start, audio.end or audio.clear of a turn. */
    String audio(String type, String turnId) {
        return frame(type).put("turnId", turnId).toString();
    }

    /** The agent's answer to a spoken turn: whole, or what was spoken of it before the user interrupted. */
    String spokenResponse(String conversationId, String text, boolean interrupted) {
        ObjectNode frame = frame("response").put("conversationId", conversationId).put("text", text);
        if (interrupted) {
            frame.put("interrupted", true);
        }
        return frame.toString();
    }

    /** The agent's whole answer; {@code "truncated":true} only when it was cut. */
    String response(Optional<String> replyTo, String conversationId, String text, boolean truncated) {
        ObjectNode frame = frame("response");
        replyTo.ifPresent(id -> frame.put("replyTo", id));
        frame.put("conversationId", conversationId);
        frame.put("text", text);
        if (truncated) {
            frame.put("truncated", true);
        }
        return frame.toString();
    }

    String pong(Optional<String> replyTo) {
        ObjectNode frame = frame("pong");
        replyTo.ifPresent(id -> frame.put("replyTo", id));
        return frame.toString();
    }

    String ended(Optional<String> replyTo, String conversationId) {
        ObjectNode frame = frame("ended");
        replyTo.ifPresent(id -> frame.put("replyTo", id));
        frame.put("conversationId", conversationId);
        return frame.toString();
    }

    String error(String code, String message, Optional<String> replyTo) {
        return errorNode(code, message, replyTo).toString();
    }

    /** The client sent more than its connection or this node can hold right now; the frame was dropped. */
    String busy(String message, long retryAfterMs, Optional<String> replyTo) {
        return errorNode("busy", message, replyTo).put("retryAfterMs", retryAfterMs).toString();
    }

    String rateLimited(long retryAfterMs, Optional<String> replyTo) {
        return errorNode("rate_limited", "too many messages; retry later", replyTo)
                .put("retryAfterMs", retryAfterMs).toString();
    }

    String agentUnavailable(String conversationId, Optional<String> replyTo) {
        return errorNode("agent_unavailable", "the agent could not answer; your message was kept", replyTo)
                .put("conversationId", conversationId).toString();
    }

    private ObjectNode errorNode(String code, String message, Optional<String> replyTo) {
        ObjectNode frame = frame("error");
        frame.put("code", code);
        frame.put("message", message);
        replyTo.ifPresent(id -> frame.put("replyTo", id));
        return frame;
    }

    private ObjectNode frame(String type) {
        return json.createObjectNode().put("type", type);
    }
}
