package io.parley.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline: the least a WebSocket relay on this stack can do. Peers connect to /ws/{peer};
 * a frame's JSON is parsed, "to" becomes "from", and it is written to the target's socket. No auth,
 * no rooms, no persistence, no cluster: the ceiling Parley is measured against.
 */
public final class RawRelayServer extends AbstractVerticle {

    private static final Map<String, ServerWebSocket> PEERS = new ConcurrentHashMap<>();

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18090;
        int loops = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new RawRelayServer(port), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("raw relay listening on " + port))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }

    private final int port;

    private RawRelayServer(int port) {
        this.port = port;
    }

    @Override
    public void start() {
        vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(262144)
                        .setMaxWebSocketMessageSize(262144))
                .webSocketHandler(this::accept)
                .listen(port);
    }

    private void accept(ServerWebSocket socket) {
        String peer = socket.path().substring(socket.path().lastIndexOf('/') + 1);
        PEERS.put(peer, socket);
        socket.closeHandler(v -> PEERS.remove(peer, socket));
        socket.textMessageHandler(text -> {
            JsonObject frame = new JsonObject(text);
            ServerWebSocket target = PEERS.get(frame.getString("to", ""));
            if (target == null) {
                socket.writeTextMessage("{\"type\":\"error\",\"code\":\"peer_unavailable\"}");
                return;
            }
            frame.remove("to");
            frame.put("from", peer);
            target.writeTextMessage(frame.encode());
        });
    }
}
