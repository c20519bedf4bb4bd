package io.tideline.settlement.takeprofit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {

    @Test
    void theSameFillTierAndAttemptAlwaysGiveTheSameId() {
        String id = ClientOrderIds.of("binance", "9007199254740993", "77", 0, 0);
        assertThat(id).isEqualTo(ClientOrderIds.of("binance", "9007199254740993", "77", 0, 0));
        assertThat(id).hasSize(32).startsWith("tp").matches("tp[0-9a-f]{30}");
    }

    @Test
    void anotherFillTierOrAttemptGivesAnotherId() {
        String id = ClientOrderIds.of("binance", "1", "77", 0, 0);
        assertThat(ClientOrderIds.of("binance", "1", "78", 0, 0)).isNotEqualTo(id);
        assertThat(ClientOrderIds.of("binance", "1", "77", 1, 0)).isNotEqualTo(id);
        assertThat(ClientOrderIds.of("binance", "1", "77", 0, 1)).isNotEqualTo(id);
        assertThat(ClientOrderIds.of("okx", "1", "77", 0, 0)).isNotEqualTo(id);
        // parts are separated: ("1", "77") is not ("17", "7")
        assertThat(ClientOrderIds.of("binance", "17", "7", 0, 0)).isNotEqualTo(id);
    }
}
