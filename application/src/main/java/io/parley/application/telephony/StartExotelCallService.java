package io.parley.application.telephony;

import io.parley.application.conversation.ConversationTurns;
import io.parley.application.voice.VoiceStarter;
import io.parley.core.agent.Agent;
import io.parley.core.call.Call;
import io.parley.core.call.CallDirection;
import io.parley.core.call.CallId;
import io.parley.core.call.CallStatus;
import io.parley.core.call.CallStatusChange;
import io.parley.core.conversation.Channel;
import io.parley.core.conversation.ConversationId;
import io.parley.core.port.in.ConnectCallMediaUseCase.Connection;
import io.parley.core.port.in.StartExotelCallUseCase;
import io.parley.core.port.in.StartVoiceUseCase.Start;
import io.parley.core.port.out.AgentRepository;
import io.parley.core.port.out.AuditTrail;
import io.parley.core.port.out.CallRepository;
import io.parley.core.port.out.ConversationRepository;
import io.parley.core.port.out.IdGenerator;
import io.parley.core.port.out.UnitOfWork;
import io.parley.core.port.out.VoiceOutput;
import io.parley.core.session.SessionEvent;
import io.parley.core.telephony.TelephonyProvider;
import io.parley.core.tenant.TenantId;
import io.parley.core.voice.VoiceSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Takes an Exotel call at its stream's start: the stream must name the account it authenticated as; the call
 * is stored in progress with a new phone conversation (once, whichever stream names it first), its stream
 * claimed, and its voice session started. When voice cannot run, the call is stored as failed.
 */
public class StartExotelCallService implements StartExotelCallUseCase {

    private final CallRepository calls;
    private final AgentRepository agents;
    private final ConversationTurns turns;
    private final VoiceStarter starter;
    private final CallEnding ending;
    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;

    public StartExotelCallService(CallRepository calls, ConversationRepository conversations, AgentRepository agents,
            ConversationTurns turns, VoiceStarter starter, AuditTrail audit, UnitOfWork unitOfWork, IdGenerator ids,
            Clock clock) {
        this.calls = calls;
        this.agents = agents;
        this.turns = turns;
        this.starter = starter;
        this.ending = new CallEnding(calls, conversations, unitOfWork, clock);
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Connection start(ExotelCall call, VoiceOutput output) {
        TenantId tenant = call.grant().tenant();
        if (!call.grant().accountSid().equals(call.accountSid())) {
            return refused(tenant, "start.account_sid is not the account the stream authenticated as");
        }
        Agent agent = agents.findDefault(tenant)
                .orElseThrow(() -> new IllegalStateException("tenant " + tenant + " has no agent"));
        Call stored = calls.findByProviderId(TelephonyProvider.EXOTEL, call.callSid())
                .orElseGet(() -> store(call, agent));
        if (!stored.tenantId().equals(tenant)) {
            return refused(tenant, "the call belongs to another account");
        }
        if (stored.status().isFinal()) {
            return refused(tenant, "the call is over");
        }
        if (!calls.claimStream(stored.id(), call.streamSid())) {
            return refused(tenant, "the call already has a stream");
        }
        Start start = starter.start(new VoiceSettings(call.format(), Optional.empty()), output,
                () -> new VoiceStarter.Setting(agent, turns.live(stored.conversationId()), tokensSpent -> { }));
        return start.accept(new Start.Visitor<Connection>() {
            @Override
            public Connection started(Start.Started started) {
                return new Connection.Started(stored.id(), started.session());
            }

            @Override
            public Connection unavailable(Start.Unavailable unavailable) {
                return failed(stored, unavailable.reason());
            }

            @Override
            public Connection busy(Start.Busy busy) {
                return failed(stored, "the node runs its most voice sessions (" + busy.maxSessions() + ")");
            }
        });
    }

    private Call store(ExotelCall call, Agent agent) {
        Instant now = clock.instant();
        TenantId tenant = call.grant().tenant();
        return unitOfWork.inTransaction(() -> {
            ConversationId conversation = turns.start(tenant, PhoneCallers.peerOf(call.from()), agent, Channel.PHONE,
                    now);
            return calls.createOrGet(new Call(new CallId(ids.newId()), tenant, TelephonyProvider.EXOTEL,
                    call.callSid(), call.from(), call.to(), CallDirection.INBOUND, CallStatus.IN_PROGRESS,
                    conversation, now, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(new CallStatusChange(CallStatus.IN_PROGRESS, now))));
        });
    }

    private Connection failed(Call call, String reason) {
        ending.end(call, CallStatus.FAILED);
        return new Connection.Unavailable(reason);
    }

    private Connection refused(TenantId tenant, String reason) {
        audit.record(SessionEvent.callRefused(Optional.of(tenant), TelephonyProvider.EXOTEL.code(),
                "voicebot stream: " + reason, clock.instant()));
        return new Connection.Refused(reason);
    }
}
