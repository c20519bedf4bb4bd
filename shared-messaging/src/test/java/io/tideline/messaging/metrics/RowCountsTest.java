package io.tideline.messaging.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowCountsTest {

    @Test
    void a_value_that_has_no_row_left_reads_zero_instead_of_vanishing() {
        Map<String, Long> next = RowCounts.next(Set.of(), Map.of("OPEN", 3L, "CLOSING", 1L),
                Map.of("OPEN", 2L, "CLOSED", 5L));

        assertThat(next).containsExactlyInAnyOrderEntriesOf(Map.of("OPEN", 2L, "CLOSING", 0L, "CLOSED", 5L));
    }

    @Test
    void the_first_refresh_shows_what_was_counted_and_the_known_values_at_zero() {
        assertThat(RowCounts.next(Set.of("alerts"), Map.of(), Map.of("lp.positions", 1L)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("lp.positions", 1L, "alerts", 0L));
    }
}
