package io.parley.presentation.telephony;

/** The TwiML documents Parley answers Twilio's voice webhook with. */
final class Twiml {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private Twiml() {
    }

    /**
     * Streams the call both ways to Parley with its call token; when Parley ends the stream (the agent
     * hung up), the call hangs up.
     */
    static String connect(String streamUrl, String statusCallback, String callToken) {
        return HEAD + "<Response><Connect><Stream url=\"" + escape(streamUrl) + "\" statusCallback=\""
                + escape(statusCallback) + "\" statusCallbackMethod=\"POST\"><Parameter name=\"callToken\" value=\""
                + escape(callToken) + "\"/></Stream></Connect><Hangup/></Response>";
    }

    /** Tells the caller the number is not in service, and hangs up. */
    static String notInService() {
        return HEAD + "<Response><Say>Sorry, this number is not in service.</Say><Hangup/></Response>";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
