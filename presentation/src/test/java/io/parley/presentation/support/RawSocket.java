package io.parley.presentation.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A bare-bones WebSocket client over a plain TCP socket, for what polite clients never do: it sends
 * frames the moment the upgrade is answered, many in one write, never answers pings, never reads
 * unless asked (so the server's writes pile up as on a half-open connection), and can reset the
 * connection.
 */
public final class RawSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Upgrades with a bearer token and reads the 101 response. */
    public static RawSocket open(URI wsUri, String token) throws IOException {
        RawSocket raw = send(wsUri, token);
        raw.expectUpgrade();
        return raw;
    }

    /** Writes the upgrade request (no frames: RFC 6455 forbids them before the 101), reading nothing. */
    public static RawSocket send(URI wsUri, String token) throws IOException {
        Socket socket = new Socket(wsUri.getHost(), wsUri.getPort());
        socket.setTcpNoDelay(true);
        String key = Base64.getEncoder().encodeToString("parley-raw-test!".getBytes(StandardCharsets.US_ASCII));
        String path = wsUri.getRawPath() + (wsUri.getRawQuery() == null ? "" : "?" + wsUri.getRawQuery());
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + wsUri.getHost() + ":" + wsUri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new RawSocket(socket);
    }

    /** Reads the server's answer to the upgrade; fails unless it is 101. */
    public void expectUpgrade() throws IOException {
        String status = readHeaders();
        if (!status.contains(" 101 ")) {
            socket.close();
            throw new IOException("upgrade refused: " + status);
        }
    }

    /** Sends the text frames in one write, as a client pipelining them does. */
    public void sendText(String... texts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String text : texts) {
            bytes.write(maskedText(text));
        }
        socket.getOutputStream().write(bytes.toByteArray());
        socket.getOutputStream().flush();
    }

    /** The next text frame (pings are skipped, never answered); throws on a close frame or timeout. */
    public String readText(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        while (true) {
            int first = in.readUnsignedByte();
            byte[] payload = payload();
            int opcode = first & 0x0f;
            if (opcode == 0x1) {
                return new String(payload, StandardCharsets.UTF_8);
            }
            if (opcode == 0x8) {
                throw new IOException("closed with " + code(payload));
            }
        }
    }

    /** Reads frames (ignoring text and pings) until a close frame; returns its status code. */
    public int awaitCloseCode(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        while (true) {
            int first = in.readUnsignedByte();
            byte[] payload = payload();
            if ((first & 0x0f) == 0x8) {
                return code(payload);
            }
        }
    }

    /** Drops the connection with a TCP reset, as a crashing client or a dying network does. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private byte[] payload() throws IOException {
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return payload;
    }

    private static int code(byte[] payload) {
        return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }

    private static byte[] maskedText(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {0x12, 0x34, 0x56, 0x78};
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (data.length < 126) {
            frame.write(0x80 | data.length);
        } else if (data.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(data.length >> 8);
            frame.write(data.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) data.length >> shift) & 0xff);
            }
        }
        frame.writeBytes(mask);
        for (int i = 0; i < data.length; i++) {
            frame.write(data[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
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
