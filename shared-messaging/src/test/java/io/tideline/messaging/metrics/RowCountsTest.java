package io.tideline.messaging.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RowCountsTest {

    @Test
    void a_value_that_has_no_row_left_reads_zero_instead_of_vanishing() {
        Map<String, Long> next = RowCounts.next(Map.of("OPEN", 3L, "CLOSING", 1L), Map.of("OPEN", 2L, "CLOSED", 5L));

        assertThat(next).containsExactlyInAnyOrderEntriesOf(Map.of("OPEN", 2L, "CLOSING", 0L, "CLOSED", 5L));
    }

    @Test
    void the_first_refresh_shows_what_was_counted() {
        assertThat(RowCounts.next(Map.of(), Map.of("HIGH", 1L))).containsExactlyEntriesOf(Map.of("HIGH", 1L));
    }
}
