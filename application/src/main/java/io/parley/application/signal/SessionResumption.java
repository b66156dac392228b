package io.parley.application.signal;

import io.parley.core.auth.AuthenticatedPeer;
import io.parley.core.port.in.ConnectClientUseCase.Resumed;
import io.parley.core.port.in.HandOverSessionUseCase;
import io.parley.core.port.in.JoinRoomUseCase;
import io.parley.core.port.out.PeerDirectory;
import io.parley.core.port.out.ResumeStore;
import io.parley.core.port.out.SignalBus;
import io.parley.core.session.ClientSession;
import io.parley.core.session.ResumeToken;
import io.parley.core.signal.PeerPresence;
import io.parley.core.signal.RecentFrames;
import io.parley.core.signal.ResumeCheck;
import io.parley.core.signal.ResumeClaim;
import io.parley.core.signal.ResumeTicket;
import io.parley.core.signal.RoomName;
import io.parley.core.signal.RoomRejoin;
import io.parley.core.signal.SessionLocation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resumes a session that went away: the token names the session and proves ownership. A session whose
 * old socket is still open (half-open, common on mobile) is first handed over by the node holding it.
 * Within the window the same session id, its rooms and the frames the client did not get come back;
 * otherwise the client is told its state was lost.
 */
public class SessionResumption {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration RESERVATION_MARGIN = Duration.ofSeconds(5);

    private final ResumeStore store;
    private final PeerDirectory directory;
    private final SignalBus bus;
    private final HandOverSessionUseCase localHandover;
    private final JoinRoomUseCase joinRoom;
    private final Duration handoverTimeout;

    public SessionResumption(ResumeStore store, PeerDirectory directory, SignalBus bus,
            HandOverSessionUseCase localHandover, JoinRoomUseCase joinRoom, Duration handoverTimeout) {
        this.store = store;
        this.directory = directory;
        this.bus = bus;
        this.localHandover = localHandover;
        this.joinRoom = joinRoom;
        this.handoverTimeout = handoverTimeout;
    }

    /**
     * Finds out whether the token's session can be resumed by this peer, and if so reserves it for this
     * connection; nothing is spent yet. A session still live (its old socket half-open) is handed over
     * first, by whichever node holds it.
     */
    public ResumePreparation prepare(AuthenticatedPeer peer, String token) {
        Optional<ResumeToken> parsed = ResumeToken.parse(token);
        if (parsed.isEmpty()) {
            return new ResumePreparation.NotResumable();
        }
        ResumeClaim claim = new ResumeClaim(parsed.get().sessionId(), peer.tenantId(), peer.peerId(),
                parsed.get().hash());
        ResumeCheck check = store.check(claim);
        if (check == ResumeCheck.DENIED || check == ResumeCheck.NONE && !handedOver(peer, claim)) {
            return new ResumePreparation.NotResumable();
        }
        return store.reserve(claim, handoverTimeout.plus(RESERVATION_MARGIN)) ? new ResumePreparation.Reserved(claim)
                : new ResumePreparation.InProgress();
    }

    /** Gives a reservation back: the connection was refused, and the same token must work on its next try. */
    public void release(ResumeClaim claim) {
        store.release(claim);
    }

    /** No record yet: the session is still live (its holder must hand it over) or being closed. */
    private boolean handedOver(AuthenticatedPeer peer, ResumeClaim claim) {
        Optional<PeerPresence> presence = directory.locate(peer.address());
        if (presence.isEmpty() || !presence.get().location().sessionId().equals(claim.sessionId())) {
            return false;
        }
        if (presence.get().online() && !holderHandsOver(presence.get().location(), claim)) {
            return false;
        }
        return awaitRecord(claim);
    }

    private boolean holderHandsOver(SessionLocation holder, ResumeClaim claim) {
        if (holder.nodeId().equals(bus.nodeId())) {
            return localHandover.handOver(claim);
        }
        try {
            return bus.requestHandover(holder, claim, handoverTimeout).toCompletableFuture()
                    .get(handoverTimeout.toMillis() + POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Spends the claim: what the client gets back, or empty when another connection took it first. */
    public Optional<Ticket> take(ResumeClaim claim, OptionalLong seen) {
        return store.take(claim).map(ticket -> new Ticket(ticket.rooms(), resumed(ticket, seen)));
    }

    /** Puts the resumed session back in its rooms (those not full meanwhile) and tells their members. */
    public List<RoomRejoin> rejoin(ClientSession session, Ticket ticket) {
        return ticket.rooms().stream().map(room -> new RoomRejoin(room, joinRoom.join(session.id(), room))).toList();
    }

    /**
     * The frames after what the client says it saw; a client that does not say is taken to have seen
     * everything its socket took.
     */
    private static Resumed resumed(ResumeTicket ticket, OptionalLong saidSeen) {
        RecentFrames sent = ticket.sent();
        long seen = saidSeen.orElse(sent.lastDelivered());
        boolean gap = !sent.covers(seen);
        List<String> replayed = gap ? List.of() : sent.after(seen);
        boolean lost = ticket.lost() || gap;
        long missed = replayed.size() + ticket.missedCount();
        return lost ? new Resumed(List.of(), List.of(), sent.lastSeq(), missed, true)
                : new Resumed(replayed, ticket.missedFrames(), sent.lastSeq(), missed, false);
    }

    /**
     * Waits for the holder (or a disconnect in progress) to write the session's resume record; gives up
     * at once when the record turns out not to be this claim's, else after the handover timeout.
     */
    private boolean awaitRecord(ResumeClaim claim) {
        long deadline = System.nanoTime() + handoverTimeout.toNanos();
        while (true) {
            ResumeCheck check = store.check(claim);
            if (check != ResumeCheck.NONE) {
                return check == ResumeCheck.MATCHES;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** What a resume brings back: the rooms to rejoin and the frames to replay. */
    public record Ticket(List<RoomName> rooms, Resumed resumed) {
    }
}
