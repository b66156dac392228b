package io.parley.bench;

/** Realistic payloads: a browser's audio+video offer SDP and a server-reflexive ICE candidate. */
final class Frames {

    static final String CANDIDATE = "{\"candidate\":\"candidate:842163049 1 udp 1677729535 203.0.113.7 52311 typ "
            + "srflx raddr 10.0.0.7 rport 52311 generation 0 ufrag EEtu network-cost 999\",\"sdpMid\":\"0\","
            + "\"sdpMLineIndex\":0,\"usernameFragment\":\"EEtu\"}";

    static final String SDP = sdp();

    private Frames() {
    }

    private static String sdp() {
        StringBuilder sdp = new StringBuilder("v=0\\r\\no=- 4611731400430051336 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\n"
                + "a=group:BUNDLE 0 1\\r\\na=msid-semantic: WMS stream\\r\\n");
        for (String media : new String[] {"audio 9 UDP/TLS/RTP/SAVPF 111 63 103 104 9 0 8 106 105 13 110 112 113 126",
                "video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 104 105 106 107 108 109 127 125 39 40 45 46 98 99 100 101"}) {
            sdp.append("m=").append(media).append("\\r\\nc=IN IP4 0.0.0.0\\r\\na=rtcp:9 IN IP4 0.0.0.0\\r\\n"
                    + "a=ice-ufrag:EEtu\\r\\na=ice-pwd:0H6nyc8U2JA3BlNPGqnsjIQN\\r\\na=ice-options:trickle\\r\\n"
                    + "a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:"
                    + "A1:58:D0:A1:2C:19:08\\r\\na=setup:actpass\\r\\na=mid:0\\r\\na=sendrecv\\r\\na=rtcp-mux\\r\\n");
            for (int pt = 96; pt < 128; pt++) {
                sdp.append("a=rtpmap:").append(pt).append(" VP8/90000\\r\\na=rtcp-fb:").append(pt)
                        .append(" nack pli\\r\\n");
            }
        }
        return sdp.toString();
    }
}
