package io.tideline.events.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PositionRefTest {

    private static final String MANAGER = "0xC36442b4a4522E871399CD717aBDD847Ab11FE88";

    @Test
    void keyIsChainIdLowerCaseManagerAndTokenId() {
        assertThat(new PositionRef(42161, MANAGER, "1234567").key())
                .isEqualTo("42161:0xc36442b4a4522e871399cd717abdd847ab11fe88:1234567");
    }

    @Test
    void equalsRegardlessOfAddressCase() {
        assertThat(new PositionRef(1, MANAGER, "7")).isEqualTo(new PositionRef(1, MANAGER.toLowerCase(), "7"));
    }

    @Test
    void parseReadsBackWhatKeyWrote() {
        PositionRef position = new PositionRef(8453, MANAGER, "115792089237316195423570985008687907853269984665640");

        assertThat(PositionRef.parse(position.key())).isEqualTo(position);
    }

    @Test
    void parseAcceptsAChecksummedAddress() {
        assertThat(PositionRef.parse("1:" + MANAGER + ":99")).isEqualTo(new PositionRef(1, MANAGER, "99"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1:0xabc", "1:0xabc:7:8", "mainnet:0xabc:7", "1::7", "1:0xabc:", "0:0xabc:7",
            "1:0xabc:0x07"})
    void parseRejectsWhatIsNotAPositionKey(String key) {
        assertThatThrownBy(() -> PositionRef.parse(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseNamesTheExpectedFormat() {
        assertThatThrownBy(() -> PositionRef.parse("1:0xabc"))
                .hasMessage("not a position key (chainId:positionManager:tokenId): '1:0xabc'");
    }
}
