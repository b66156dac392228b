package io.parley.presentation.telephony;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.core.port.in.ConnectCallMediaUseCase;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;

/** Makes the {@link TwilioStream} of each media-stream connection, with what they share. */
@Singleton
class TwilioStreams {

    final ConnectCallMediaUseCase connectMedia;
    final PublicUrls urls;
    final ObjectMapper json;
    final Vertx vertx;

    TwilioStreams(ConnectCallMediaUseCase connectMedia, PublicUrls urls, ObjectMapper json, Vertx vertx) {
        this.connectMedia = connectMedia;
        this.urls = urls;
        this.json = json;
        this.vertx = vertx;
    }

    TwilioStream open(WebSocketConnection connection) {
        return new TwilioStream(this, connection, Vertx.currentContext(),
                connection.userData().get(TwilioUpgradeCheck.SIGNATURE));
    }
}
