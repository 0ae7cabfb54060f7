package commonplace.query.thread;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThreadSettingsTest {

    @Test
    void theDisplayDepthIsFromZeroTo100() {
        assertThat(new ThreadSettings(0).displayDepth()).isZero();
        assertThat(new ThreadSettings(100).displayDepth()).isEqualTo(100);
        for (int outside : new int[]{-1, 101, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> new ThreadSettings(outside)).as("" + outside)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("commonplace.query.thread.display-depth must be from 0 to 100");
        }
    }
}
