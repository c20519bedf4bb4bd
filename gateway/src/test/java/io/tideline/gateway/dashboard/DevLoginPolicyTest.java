package io.tideline.gateway.dashboard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevLoginPolicyTest {

    @Test
    void refusesTheDevLoginInProduction() {
        assertThatThrownBy(() -> DevLoginPolicy.check(true, List.of("prod")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tideline.gateway.dashboard.dev-login.enabled");
    }

    @Test
    void refusesItInAnyProfileThatIsNotLocal() {
        assertThatThrownBy(() -> DevLoginPolicy.check(true, List.of("staging")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DevLoginPolicy.check(true, List.of("local", "prod")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DevLoginPolicy.check(true, List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void allowsItInTheLocalProfile() {
        assertThatCode(() -> DevLoginPolicy.check(true, List.of("local"))).doesNotThrowAnyException();
        assertThatCode(() -> DevLoginPolicy.check(true, List.of("test"))).doesNotThrowAnyException();
    }

    @Test
    void switchedOffItIsFineEverywhere() {
        assertThatCode(() -> DevLoginPolicy.check(false, List.of("prod"))).doesNotThrowAnyException();
    }
}
