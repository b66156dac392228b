package io.parley.core.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * A session's resume token, "{sessionId}.{secret}": it names the session and proves ownership of it.
 * Only its SHA-256 hash leaves the node that issued it.
 */
public record ResumeToken(SessionId sessionId, String value) {

    /** A fresh token for the session. */
    public static ResumeToken issue(SessionId sessionId, UUID secret) {
        return new ResumeToken(sessionId, sessionId + "." + secret);
    }

    /** The token a client presented, if it is well-formed. */
    public static Optional<ResumeToken> parse(String presented) {
        int dot = presented.indexOf('.');
        if (dot <= 0 || presented.length() > 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ResumeToken(new SessionId(UUID.fromString(presented.substring(0, dot))), presented));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String hash() {
        return hashOf(value);
    }

    /** The hex SHA-256 of a token, as stored beside resumable sessions. */
    public static String hashOf(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ResumeToken[" + sessionId + "]";
    }
}
