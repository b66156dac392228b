package io.parley.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Resume tokens name their session, and only their hash is shared. */
class ResumeTokenTest {

    @Test
    void anIssuedTokenParsesBackToItsSessionAndHashesStably() {
        SessionId session = new SessionId(UUID.randomUUID());
        ResumeToken token = ResumeToken.issue(session, UUID.randomUUID());
        assertThat(ResumeToken.parse(token.value())).contains(token);
        assertThat(token.hash()).hasSize(64).isEqualTo(ResumeToken.hashOf(token.value()))
                .doesNotContain(token.value());
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void malformedTokensAreRejected() {
        assertThat(ResumeToken.parse("")).isEmpty();
        assertThat(ResumeToken.parse("nodot")).isEmpty();
        assertThat(ResumeToken.parse("not-a-uuid.secret")).isEmpty();
        assertThat(ResumeToken.parse(".secret")).isEmpty();
        assertThat(ResumeToken.parse(UUID.randomUUID() + "." + "x".repeat(300))).isEmpty();
    }
}
