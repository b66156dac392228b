package io.parley.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.session.PeerId;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Outbound;
import io.parley.core.signal.ResumeClaim;
import io.parley.core.signal.RoomName;
import io.parley.core.session.ResumeToken;
import io.parley.core.tenant.TenantId;
import io.parley.core.signal.SessionLocation;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bus wire format: every message survives encoding, and garbage is ignored. */
class BusMessageTest {

    private final SessionId session = new SessionId(UUID.randomUUID());

    @Test
    void everyKindOfFrameSurvivesTheWire() {
        List<Outbound> frames = List.of(new Outbound.Relayed("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\nline\"}"),
                new Outbound.PeerJoined(new RoomName("r:1"), new PeerId("bob")),
                new Outbound.PeerLeft(new RoomName("r.2"), new PeerId("bob"), "lost"),
                new Outbound.Close(io.parley.core.session.CloseCause.REPLACED), new Outbound.Close(io.parley.core.session.CloseCause.DRAINING), new Outbound.Reconnect("draining"));
        for (Outbound frame : frames) {
            assertThat(BusMessage.decode(new BusMessage.ToSession(session, frame).encode()))
                    .contains(new BusMessage.ToSession(session, frame));
        }
    }

    @Test
    void aHandoverRequestSurvivesTheWire() {
        ResumeClaim claim = new ResumeClaim(session, new TenantId(UUID.randomUUID()), new PeerId("bob"),
                ResumeToken.hashOf("secret"));
        BusMessage.Handover request = new BusMessage.Handover(claim, "node-2", UUID.randomUUID());
        assertThat(BusMessage.decode(request.encode())).contains(request);
    }

    @Test
    void handoverVerdictsAndFencesSurviveTheWire() {
        for (BusMessage message : List.of(new BusMessage.HandoverVerdict(UUID.randomUUID(), true),
                new BusMessage.HandoverVerdict(UUID.randomUUID(), false), new BusMessage.Fence(UUID.randomUUID()))) {
            assertThat(BusMessage.decode(message.encode())).contains(message);
        }
    }

    @Test
    void relayedFramesKeepTheFormTheRelayScriptWrites() {
        assertThat(new BusMessage.ToSession(session, new Outbound.Relayed("{}")).encode()).isEqualTo(session + "\nR\n{}");
    }

    @Test
    void garbageIsIgnored() {
        assertThat(BusMessage.decode("nonsense")).isEmpty();
        assertThat(BusMessage.decode(session + "\nZ\nwhat")).isEmpty();
        assertThat(BusMessage.decode("not-a-uuid\nR\n{}")).isEmpty();
        assertThat(BusMessage.decode(session + "\nJ\nbad room\nbob")).isEmpty();
    }

    @Test
    void directoryEntriesRoundTripAndRejectGarbage() {
        SessionLocation location = new SessionLocation("node-1", session);
        assertThat(DirectoryEntry.decode(new DirectoryEntry(true, location).encode()))
                .contains(new DirectoryEntry(true, location));
        assertThat(DirectoryEntry.decode(new DirectoryEntry(false, location).encode()).orElseThrow().online()).isFalse();
        assertThat(DirectoryEntry.decode("on|node")).isEmpty();
        assertThat(DirectoryEntry.decode(null)).isEmpty();
    }
}
