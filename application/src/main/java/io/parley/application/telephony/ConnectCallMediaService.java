package io.parley.application.telephony;

import io.parley.application.conversation.ConversationTurns;
import io.parley.application.voice.VoiceStarter;
import io.parley.core.agent.Agent;
import io.parley.core.call.Call;
import io.parley.core.call.CallGrant;
import io.parley.core.port.in.ConnectCallMediaUseCase;
import io.parley.core.port.in.StartVoiceUseCase.Start;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.CallTokens;
import io.parley.core.port.out.TelephonyAccounts;
import io.parley.core.port.out.VoiceOutput;
import io.parley.core.session.SessionEvent;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.telephony.TwilioAccount;
import io.parley.core.voice.VoiceSettings;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks a Twilio media stream before it carries a call: a valid call token, issued for the call the
 * stream names, an upgrade Twilio signed with that tenant's auth token, a call not over, and no other
 * stream before it. Then the call's voice session starts in its phone conversation.
 */
public class ConnectCallMediaService implements ConnectCallMediaUseCase {

    private final CallTokens tokens;
    private final CallRepository calls;
    private final TelephonyAccounts accounts;
    private final AgentRepository agents;
    private final ConversationTurns turns;
    private final VoiceStarter starter;
    private final AuditTrail audit;
    private final Clock clock;

    public ConnectCallMediaService(CallTokens tokens, CallRepository calls, TelephonyAccounts accounts,
            AgentRepository agents, ConversationTurns turns, VoiceStarter starter, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.calls = calls;
        this.accounts = accounts;
        this.agents = agents;
        this.turns = turns;
        this.starter = starter;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Connection connect(CallMedia media, VoiceOutput output) {
        Optional<CallGrant> grant = tokens.verify(media.callToken());
        if (grant.isEmpty()) {
            return refused(Optional.empty(), "the call token is invalid or expired");
        }
        CallGrant granted = grant.get();
        if (!granted.providerCallId().equals(media.providerCallId())) {
            return refused(Optional.of(granted), "the call token was issued for another call");
        }
        Optional<Call> call = calls.find(granted.tenantId(), granted.callId());
        Optional<TwilioAccount> account = accounts.twilio(granted.tenantId());
        if (call.isEmpty() || account.isEmpty()) {
            return refused(Optional.of(granted), "the call or its Twilio account no longer exists");
        }
        if (!TwilioSignature.verify(media.upgrade(), account.get().authToken())) {
            return refused(Optional.of(granted), "X-Twilio-Signature of the stream upgrade does not match");
        }
        if (call.get().status().isFinal()) {
            return refused(Optional.of(granted), "the call is over");
        }
        if (!calls.claimStream(call.get().id(), media.streamId())) {
            return refused(Optional.of(granted), "the call token was already used by another stream");
        }
        Start start = starter.start(new VoiceSettings(media.format(), Optional.empty()), output, () -> {
            Agent agent = agents.findDefault(granted.tenantId())
                    .orElseThrow(() -> new IllegalStateException("tenant " + granted.tenantId() + " has no agent"));
            return new VoiceStarter.Setting(agent, turns.live(call.get().conversationId()), tokensSpent -> { });
        });
        return start.accept(new Start.Visitor<Connection>() {
            @Override
            public Connection started(Start.Started started) {
                return new Connection.Started(call.get().id(), started.session());
            }

            @Override
            public Connection unavailable(Start.Unavailable unavailable) {
                return new Connection.Unavailable(unavailable.reason());
            }

            @Override
            public Connection busy(Start.Busy busy) {
                return new Connection.Unavailable("the node runs its most voice sessions (" + busy.maxSessions() + ")");
            }
        });
    }

    private Connection refused(Optional<CallGrant> grant, String reason) {
        audit.record(SessionEvent.callRefused(grant.map(CallGrant::tenantId), TelephonyProvider.TWILIO.code(),
                "media stream: " + reason, clock.instant()));
        return new Connection.Refused(reason);
    }
}
