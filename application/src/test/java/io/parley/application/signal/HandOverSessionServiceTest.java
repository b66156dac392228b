package io.parley.application.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.parley.core.port.in.DisconnectClientUseCase;
import io.parley.core.port.out.ClientChannel;
import io.parley.core.port.out.SessionRegistry;
import io.parley.core.session.ClientSession;
import io.parley.core.session.PeerId;
import io.parley.core.session.ResumeToken;
import io.parley.core.session.SessionId;
import io.parley.core.signal.ResumeClaim;
import io.parley.core.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only the owner of a live session (tenant, peer and token) can have it handed over. */
class HandOverSessionServiceTest {

    private final SessionRegistry sessions = mock(SessionRegistry.class);
    private final DisconnectClientUseCase disconnect = mock(DisconnectClientUseCase.class);
    private final ClientChannel channel = mock(ClientChannel.class);
    private final SessionId id = new SessionId(UUID.randomUUID());
    private final ResumeToken token = ResumeToken.issue(id, UUID.randomUUID());
    private final ClientSession session = new ClientSession(id, new PeerId("bob"), new TenantId(UUID.randomUUID()),
            Instant.now(), token.value());
    private final HandOverSessionService handOver = new HandOverSessionService(sessions, disconnect);

    @BeforeEach
    void live() {
        when(sessions.find(id)).thenReturn(Optional.of(session));
        when(sessions.channel(id)).thenReturn(Optional.of(channel));
    }

    @Test
    void theOwnersClaimClosesTheOldSocketAndEndsTheSessionResumable() {
        assertThat(handOver.handOver(new ResumeClaim(id, session.tenantId(), session.peerId(), token.hash()))).isTrue();
        verify(channel).close(io.parley.core.session.CloseCause.RESUMED_ELSEWHERE);
        verify(disconnect).disconnect(id, channel, HandOverSessionService.REASON, true);
    }

    @Test
    void aWrongTokenOrAnotherPeerOrTenantTouchesNothing() {
        assertThat(handOver.handOver(new ResumeClaim(id, session.tenantId(), session.peerId(),
                ResumeToken.hashOf(id + ".guess")))).isFalse();
        assertThat(handOver.handOver(new ResumeClaim(id, session.tenantId(), new PeerId("mallory"), token.hash())))
                .isFalse();
        assertThat(handOver.handOver(new ResumeClaim(id, new TenantId(UUID.randomUUID()), session.peerId(),
                token.hash()))).isFalse();
        verify(channel, never()).close(any());
        verify(disconnect, never()).disconnect(any(), any(), anyString(), anyBoolean());
    }
}
