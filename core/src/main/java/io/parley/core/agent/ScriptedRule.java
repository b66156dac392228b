package io.parley.core.agent;

import io.parley.core.InvalidInputException;
import io.parley.core.StorableText;
import java.util.List;
import java.util.Locale;

/**
 * A scripted agent's rule: when any keyword appears in the user's text, answer with the reply; a rule
 * that ends the call has the agent hang up once the reply is spoken (phone and voice sessions).
 */
public record ScriptedRule(List<String> keywords, String reply, boolean endsCall) {

    public static final int MAX_KEYWORDS = 50;

    public ScriptedRule {
        if (keywords == null || keywords.isEmpty() || keywords.size() > MAX_KEYWORDS) {
            throw InvalidInputException.invalid("each rule needs 1-" + MAX_KEYWORDS + " keywords");
        }
        keywords = keywords.stream().map(ScriptedRule::validKeyword).toList();
        if (reply == null || reply.isBlank() || reply.length() > Agent.MAX_TEXT) {
            throw InvalidInputException.invalid("each rule needs a reply of 1-" + Agent.MAX_TEXT + " characters");
        }
        StorableText.require("rules.reply", reply);
    }

    /** A rule that answers and lets the conversation go on. */
    public ScriptedRule(List<String> keywords, String reply) {
        this(keywords, reply, false);
    }

    private static String validKeyword(String keyword) {
        if (keyword == null || keyword.isBlank() || keyword.length() > 100) {
            throw InvalidInputException.invalid("keywords must be 1-100 characters");
        }
        return StorableText.require("rules.keywords", keyword.strip().toLowerCase(Locale.ROOT));
    }

    /** Case-insensitive substring match of any keyword. */
    public boolean matches(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return keywords.stream().anyMatch(lower::contains);
    }
}
