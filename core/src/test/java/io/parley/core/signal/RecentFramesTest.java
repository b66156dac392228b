package io.parley.core.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which frames a resume can replay after what the client saw. */
class RecentFramesTest {

    private final RecentFrames recent = new RecentFrames(10, List.of("f8", "f9", "f10"), 10);

    @Test
    void coversWhatFollowsAnyNumberFromJustBeforeTheOldestKeptToTheLast() {
        assertThat(recent.covers(7)).isTrue();
        assertThat(recent.after(7)).containsExactly("f8", "f9", "f10");
        assertThat(recent.after(9)).containsExactly("f10");
        assertThat(recent.after(10)).isEmpty();
        assertThat(recent.covers(6)).as("f7 is gone").isFalse();
        assertThat(recent.covers(11)).as("never sent").isFalse();
    }

    @Test
    void nothingKeptCoversOnlyTheLastNumber() {
        RecentFrames none = new RecentFrames(4, List.of(), 4);
        assertThat(none.covers(4)).isTrue();
        assertThat(none.covers(3)).isFalse();
        assertThatThrownBy(() -> new RecentFrames(1, List.of("a", "b"), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecentFrames(3, List.of("c"), 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
