package io.tideline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredFieldsTest {

    @Test
    void returnsAPresentValue() {
        assertThat(RequiredFields.require("0xabc", "owner")).isEqualTo("0xabc");
    }

    @Test
    void rejectsNullNamingTheField() {
        assertThatThrownBy(() -> RequiredFields.require(null, "owner"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing required field 'owner'")
                .extracting(e -> ((MissingRequiredFieldException) e).field()).isEqualTo("owner");
    }

    @Test
    void rejectsABlankString() {
        assertThatThrownBy(() -> RequiredFields.require("  ", "owner"))
                .hasMessage("missing required field 'owner'");
    }

    @Test
    void requireListCopiesTheList() {
        List<String> pairs = new ArrayList<>(List.of("ETH-USDC"));

        List<String> copy = RequiredFields.requireList(pairs, "pairs");
        pairs.add("BTC-USDC");

        assertThat(copy).containsExactly("ETH-USDC");
        assertThatThrownBy(() -> copy.add("SOL-USDC")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void requireListNamesTheIndexOfANullElement() {
        assertThatThrownBy(() -> RequiredFields.requireList(Arrays.asList("ETH-USDC", null), "pairs"))
                .hasMessage("missing required field 'pairs[1]'");
    }
}
