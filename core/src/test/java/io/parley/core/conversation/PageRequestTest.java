package io.parley.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void aPageMustEndWithinTheLargestIntegerOffset() {
        assertThat(new PageRequest(21_474_835, 100).page()).isEqualTo(21_474_835);
        assertThatThrownBy(() -> new PageRequest(21_474_836, 100)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("page");
        assertThatThrownBy(() -> new PageRequest(Integer.MAX_VALUE, 1)).isInstanceOf(InvalidInputException.class);
        assertThat(new PageRequest(Integer.MAX_VALUE - 1, 1).page()).isEqualTo(Integer.MAX_VALUE - 1);
    }
}
