package io.parley.application.voice;

import io.parley.core.agent.AgentKind;
import io.parley.core.agent.AgentPrompt;
import io.parley.core.agent.ReplyListener;
import io.parley.core.agent.ReplyStream;
import io.parley.core.port.out.LanguageModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A language model the test answers for: each reply's listener is kept, and its stream records cancel(). */
final class FakeLanguageModel implements LanguageModel {

    private final AgentKind kind;
    final List<Reply> replies = new ArrayList<>();
    /** Runs inside {@link #reply}, before it returns (a scripted model answers at once). */
    Consumer<Reply> whileReplying = reply -> { };

    FakeLanguageModel(AgentKind kind) {
        this.kind = kind;
    }

    @Override
    public AgentKind kind() {
        return kind;
    }

    @Override
    public ReplyStream reply(AgentPrompt prompt, ReplyListener listener) {
        Reply reply = new Reply(prompt, listener);
        replies.add(reply);
        whileReplying.accept(reply);
        return reply;
    }

    /** The reply asked last. */
    Reply last() {
        return replies.get(replies.size() - 1);
    }

    /** One reply: the prompt it answers, the session's listener, and whether the session stopped it. */
    static final class Reply implements ReplyStream {

        final AgentPrompt prompt;
        final ReplyListener listener;
        int cancels;

        Reply(AgentPrompt prompt, ReplyListener listener) {
            this.prompt = prompt;
            this.listener = listener;
        }

        boolean cancelled() {
            return cancels > 0;
        }

        @Override
        public void cancel() {
            cancels++;
        }
    }
}
