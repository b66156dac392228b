package io.parley.presentation.telephony;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.core.port.in.CompleteCallUseCase;
import io.parley.core.port.in.StartExotelCallUseCase;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;

/** Makes the {@link ExotelStream} of each voicebot connection, with what they share. */
@Singleton
class ExotelStreams {

    final StartExotelCallUseCase startCall;
    final CompleteCallUseCase completeCall;
    final ObjectMapper json;
    final Vertx vertx;

    ExotelStreams(StartExotelCallUseCase startCall, CompleteCallUseCase completeCall, ObjectMapper json, Vertx vertx) {
        this.startCall = startCall;
        this.completeCall = completeCall;
        this.json = json;
        this.vertx = vertx;
    }

    ExotelStream open(WebSocketConnection connection) {
        return new ExotelStream(this, connection, Vertx.currentContext(),
                connection.userData().get(ExotelUpgradeCheck.GRANT),
                connection.userData().get(ExotelUpgradeCheck.FORMAT));
    }
}
