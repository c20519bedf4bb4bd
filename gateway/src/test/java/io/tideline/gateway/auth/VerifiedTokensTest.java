package io.tideline.gateway.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(3, clock);

    @Test
    void servesAVerifiedTokenByItsExactTextUntilItExpires() {
        tokens.put("a.b.c", "alice", NOW.plusSeconds(60));

        assertThat(tokens.get("a.b.c")).contains("alice");
        assertThat(tokens.get("a.b.C")).isEmpty();
        assertThat(tokens.get("a.b.c ")).isEmpty();
    }

    @Test
    void neverServesATokenAtOrAfterItsExpiry() {
        tokens.put("a.b.c", "alice", NOW.plusSeconds(60));

        clock.advance(Duration.ofSeconds(59).plusMillis(999));
        assertThat(tokens.get("a.b.c")).contains("alice");
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.get("a.b.c")).isEmpty();
        assertThat(tokens.size()).isZero();
        clock.advance(Duration.ofSeconds(-30));
        assertThat(tokens.get("a.b.c")).as("gone once seen expired").isEmpty();
    }

    @Test
    void doesNotKeepATokenThatHasAlreadyExpired() {
        tokens.put("old", "alice", NOW);
        tokens.put("older", "alice", NOW.minusSeconds(1));

        assertThat(tokens.size()).isZero();
    }

    @Test
    void holdsNoMoreThanItsCapacityAndMakesRoomFromExpiredTokens() {
        tokens.put("t1", "1", NOW.plusSeconds(10));
        tokens.put("t2", "2", NOW.plusSeconds(100));
        tokens.put("t3", "3", NOW.plusSeconds(100));
        tokens.put("t4", "4", NOW.plusSeconds(100));

        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.get("t4")).as("full of live tokens: the new one is not kept").isEmpty();

        clock.advance(Duration.ofSeconds(10));
        tokens.put("t4", "4", NOW.plusSeconds(100));
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.get("t4")).contains("4");
        assertThat(tokens.get("t2")).contains("2");
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatThrownBy(() -> new VerifiedTokens<String>(0, clock)).hasMessageContaining("capacity");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
