package io.parley.presentation.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A bare-bones WebSocket client that never answers pings and never reads unless asked: a silent peer. */
public final class RawSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Upgrades with a bearer token and reads the 101 response. */
    public static RawSocket open(URI wsUri, String token) throws IOException {
        Socket socket = new Socket(wsUri.getHost(), wsUri.getPort());
        String key = Base64.getEncoder().encodeToString("parley-raw-test!".getBytes(StandardCharsets.US_ASCII));
        String request = "GET " + wsUri.getRawPath() + " HTTP/1.1\r\nHost: " + wsUri.getHost() + ":" + wsUri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        RawSocket raw = new RawSocket(socket);
        String status = raw.readHeaders();
        if (!status.contains(" 101 ")) {
            socket.close();
            throw new IOException("upgrade refused: " + status);
        }
        return raw;
    }

    /** Reads frames (ignoring text and pings) until a close frame; returns its status code. */
    public int awaitCloseCode(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            if ((first & 0x0f) == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            }
        }
    }

    private String readHeaders() throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            headers.append((char) in.readUnsignedByte());
        }
        return headers.substring(0, headers.indexOf("\r\n"));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
