package io.tideline.messaging.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingTest {

    private final Setting flag = Setting.flag("a.flag", false, "a flag");
    private final Setting number = Setting.integer("a.number", 2000, 100, 10_000, "a number");

    @Test
    void aFlagIsTrueOrFalseInAnyCase() {
        assertThat(flag.canonical("TRUE")).isEqualTo("true");
        assertThat(flag.canonical(" false ")).isEqualTo("false");
        for (String bad : new String[] {"yes", "1", "", " ", null}) {
            assertThatThrownBy(() -> flag.canonical(bad)).hasMessage("must be true or false");
        }
    }

    @Test
    void anIntegerIsWholeAndWithinItsBounds() {
        assertThat(number.canonical("100")).isEqualTo("100");
        assertThat(number.canonical("10000")).isEqualTo("10000");
        assertThat(number.canonical("2.0E3")).isEqualTo("2000");
        for (String bad : new String[] {"99", "10001", "150.5", "1e400", "abc", "-5"}) {
            assertThatThrownBy(() -> number.canonical(bad)).hasMessage("must be an integer from 100 to 10000");
        }
        assertThatThrownBy(() -> number.canonical("9".repeat(200))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDefinitionOutsideItsOwnBoundsIsRefused() {
        assertThatThrownBy(() -> Setting.integer("x", 5, 10, 20, "x")).hasMessageContaining("from 10 to 20");
        assertThatThrownBy(() -> Setting.integer("x", 15, 20, 10, "x")).hasMessageContaining("min <= max");
    }

    @Test
    void everyKnownSettingHasAUniqueKeyAndAValidDefault() {
        assertThat(KnownSettings.all()).extracting(Setting::key).doesNotHaveDuplicates();
        assertThat(KnownSettings.all()).allSatisfy(s -> assertThat(s.canonical(s.defaultValue()))
                .isEqualTo(s.defaultValue()));
        assertThat(KnownSettings.byKey("alerting.delivery.paused")).contains(KnownSettings.ALERTING_DELIVERY_PAUSED);
        assertThat(KnownSettings.byKey("nope")).isEmpty();
    }
}
