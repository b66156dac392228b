package io.parley.presentation.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy whose backend can be switched: one address for a browser while the node behind it
 * changes (a drained node's clients reconnect to the same URL and land on another node).
 */
public final class SwitchableProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final AtomicInteger backendPort;
    private final Thread acceptor;

    private SwitchableProxy(ServerSocket listener, int backendPort) {
        this.listener = listener;
        this.backendPort = new AtomicInteger(backendPort);
        this.acceptor = new Thread(this::acceptLoop, "switchable-proxy-" + listener.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Listens on a free loopback port and forwards every new connection to {@code backendPort}. */
    public static SwitchableProxy to(int backendPort) throws IOException {
        return new SwitchableProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), backendPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** New connections go to {@code port} from now on; open ones stay where they are. */
    public void switchTo(int port) {
        backendPort.set(port);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket backend;
                try {
                    backend = new Socket(InetAddress.getLoopbackAddress(), backendPort.get());
                } catch (IOException refused) {
                    client.close();
                    continue;
                }
                pipe(client, backend);
                pipe(backend, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ended) {
                // one side went away: the finally below closes both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "switchable-proxy-pipe");
        copier.setDaemon(true);
        copier.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing left to release
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
