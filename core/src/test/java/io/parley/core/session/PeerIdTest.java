package io.parley.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Peer ids: 1–64 characters of [A-Za-z0-9._-], nothing else. */
class PeerIdTest {

    @Test
    void acceptsOneToSixtyFourAllowedCharacters() {
        assertThat(PeerId.isValid("a")).isTrue();
        assertThat(PeerId.isValid("Alice.Smith_01-x")).isTrue();
        assertThat(PeerId.isValid("z".repeat(64))).isTrue();
    }

    @Test
    void rejectsEmptyTooLongAndEveryOtherCharacter() {
        assertThat(PeerId.isValid(null)).isFalse();
        assertThat(PeerId.isValid("")).isFalse();
        assertThat(PeerId.isValid("z".repeat(65))).isFalse();
        for (String bad : new String[] {"a b", "a/b", "a:b", "é", "a\u0000", "a|b", "\u0661", "a\n"}) {
            assertThat(PeerId.isValid(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> new PeerId("a b")).isInstanceOf(InvalidInputException.class);
    }
}
