package commonplace.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

    @Test
    void the_median_of_an_odd_and_an_even_number_of_runs() {
        assertThat(new Figures("ms").add(5).add(1).add(3).median()).isEqualTo(3);
        assertThat(new Figures("ms").add(4).add(1).add(3).add(2).median()).isEqualTo(2.5);
    }

    @Test
    void a_figure_is_described_with_its_spread() {
        assertThat(new Figures("comments/s").add(1200).add(1250).add(1234).describe())
                .isEqualTo("1,234 comments/s (1,200 .. 1,250, 3 runs)");
        assertThat(new Figures("ms").describe()).isEqualTo("not measured");
    }
}
