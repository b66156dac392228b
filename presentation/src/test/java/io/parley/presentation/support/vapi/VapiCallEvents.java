package io.parley.presentation.support.vapi;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The server messages Vapi posts about one phone call, shaped as Vapi shapes them ({@code {"message": {...}}}). */
public record VapiCallEvents(String callId, String customer, String number) {

    /** A new inbound call from a random caller to a random number. */
    public static VapiCallEvents newCall() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new VapiCallEvents(UUID.randomUUID().toString(), "+1555" + random.nextInt(1_000_000, 9_999_999),
                "+1444" + random.nextInt(1_000_000, 9_999_999));
    }

    public Map<String, Object> assistantRequest() {
        return message("assistant-request", "ringing", Map.of());
    }

    public Map<String, Object> statusUpdate(String status) {
        return message("status-update", status, Map.of("status", status));
    }

    public Map<String, Object> transcript(String transcriptType, String role, String text, long timestampMs) {
        return message("transcript", "in-progress", Map.of("transcriptType", transcriptType, "role", role,
                "transcript", text, "timestamp", timestampMs));
    }

    /** The report Vapi sends once the call is over; its summary in {@code analysis.summary}, as Vapi puts it now. */
    public Map<String, Object> endOfCallReport(String endedReason, String summary, double durationSeconds) {
        return message("end-of-call-report", "ended", Map.of("endedReason", endedReason,
                "analysis", Map.of("summary", summary), "durationSeconds", durationSeconds));
    }

    /** Any kind of message about this call, with the fields every message has. */
    public Map<String, Object> message(String type, String callStatus, Map<String, Object> fields) {
        Map<String, Object> message = new HashMap<>();
        message.put("type", type);
        message.put("timestamp", System.currentTimeMillis());
        message.put("call", Map.of("id", callId, "orgId", "org-1", "type", "inboundPhoneCall", "status", callStatus));
        message.put("phoneNumber", Map.of("number", number));
        message.put("customer", Map.of("number", customer));
        message.putAll(fields);
        return Map.of("message", message);
    }
}
