package io.parley.infrastructure.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.core.agent.AgentReply;
import io.parley.core.agent.AgentUnavailableException;
import io.parley.core.agent.ReplyListener;
import io.parley.core.agent.ReplyStream;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One streamed chat completion: sends the request, decodes the Server-Sent Events as they arrive, and
 * ends exactly once — completed, failed, timed out (silent for the timeout, before its first byte or
 * between two), or cancelled. Ending early (a cancel, a cut answer,
 * the deadline) resets the HTTP stream, which closes its connection, so the model stops generating.
 */
final class OpenAiReply implements ReplyStream {

    private final ReplyListener listener;
    private final ChatCompletionStream completion;
    private final ServerSentEvents events;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Vertx vertx;
    private volatile HttpClientRequest request;
    private volatile boolean responseEnded;
    private volatile long deadline = -1;
    private long timeoutMs;

    OpenAiReply(ReplyListener listener, ObjectMapper json, int maxAnswerChars, Vertx vertx) {
        this.listener = listener;
        this.vertx = vertx;
        this.completion = new ChatCompletionStream(json, maxAnswerChars, this::delta);
        this.events = new ServerSentEvents(this::event);
    }

    void start(HttpClient http, RequestOptions options, String body, long timeoutMs) {
        this.timeoutMs = timeoutMs;
        deadline = vertx.setTimer(timeoutMs, id -> fail("model timed out"));
        http.request(options).onSuccess(sent -> {
            request = sent;
            if (ended.get()) {
                sent.reset();
                return;
            }
            sent.send(Buffer.buffer(body)).onSuccess(this::receive).onFailure(e -> fail("model call failed: "
                    + e.getMessage()));
        }).onFailure(e -> fail("model call failed: " + e.getMessage()));
    }

    @Override
    public void cancel() {
        if (ended.compareAndSet(false, true)) {
            stop(true);
        }
    }

    private void receive(HttpClientResponse response) {
        if (response.statusCode() != 200) {
            fail("model answered HTTP " + response.statusCode());
            return;
        }
        response.handler(chunk -> {
            if (!ended.get()) {
                rearmDeadline();
                events.feed(chunk);
            }
        });
        response.exceptionHandler(e -> fail("model stream failed: " + e.getMessage()));
        response.endHandler(ignored -> {
            responseEnded = true;
            if (!ended.get()) {
                events.end();
                finish();
            }
        });
    }

    /** One event's data; returns false once the stream has said all it will. */
    private boolean event(String data) {
        try {
            if (completion.accept(data)) {
                return true;
            }
        } catch (IOException e) {
            fail(e.getMessage());
            return false;
        }
        finish();
        return false;
    }

    private void delta(String text) {
        if (!ended.get()) {
            listener.onDelta(text);
        }
    }

    private void finish() {
        if (!completion.completed()) {
            fail("model stream ended before it finished");
        } else if (ended.compareAndSet(false, true)) {
            AgentReply reply = completion.reply();
            stop(reply.truncated());
            listener.onComplete(reply);
        }
    }

    private void fail(String reason) {
        if (ended.compareAndSet(false, true)) {
            stop(true);
            listener.onFailure(new AgentUnavailableException(reason));
        }
    }

    /** The model spoke: it has another {@code timeout} to say more. */
    private void rearmDeadline() {
        vertx.cancelTimer(deadline);
        deadline = vertx.setTimer(timeoutMs, id -> fail("model timed out"));
    }

    /** Cancels the deadline; drops the HTTP stream when asked and it is still open (else the connection is reused). */
    private void stop(boolean drop) {
        if (deadline >= 0) {
            vertx.cancelTimer(deadline);
        }
        HttpClientRequest sent = request;
        if (drop && sent != null && !responseEnded) {
            sent.reset();
        }
    }
}
