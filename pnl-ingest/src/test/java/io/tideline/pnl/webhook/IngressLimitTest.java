package io.tideline.pnl.webhook;

import io.smallrye.mutiny.Uni;
import io.tideline.pnl.config.ConfigOf;
import io.tideline.pnl.config.PnlConfig;
import io.tideline.service.problem.TryLaterException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhook door's load shedding: the bounds, the refusal, and how often the backlog is read. */
class IngressLimitTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicInteger backlogReads = new AtomicInteger();
    private final AtomicInteger acceptances = new AtomicInteger();

    @Test
    void shedsTheDeliveryBeyondTheAcceptancesInFlightAndTakesOneAgainWhenOneEnds() {
        IngressLimit limit = limit(2, 1_000);
        CompletableFuture<Boolean> first = new CompletableFuture<>();
        CompletableFuture<Boolean> second = new CompletableFuture<>();
        AtomicReference<Boolean> firstAnswer = new AtomicReference<>();
        limit.admit(() -> accepting(first)).subscribe().with(firstAnswer::set);
        limit.admit(() -> accepting(second)).subscribe().with(answer -> { });
        assertThat(limit.inFlight()).isEqualTo(2);

        assertThatThrownBy(() -> limit.admit(() -> accepting(CompletableFuture.completedFuture(true))).await()
                .atMost(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(TryLaterException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfterSeconds()).isEqualTo(7);
                    assertThat(e.getMessage()).contains("more than 2 deliveries are being accepted at once");
                });
        assertThat(acceptances).as("a shed delivery never reaches the database").hasValue(2);
        assertThat(limit.shedSinceStart()).isEqualTo(1);

        first.complete(true);
        assertThat(firstAnswer.get()).isTrue();
        assertThat(limit.inFlight()).isEqualTo(1);
        assertThat(limit.admit(() -> accepting(CompletableFuture.completedFuture(false))).await()
                .atMost(Duration.ofSeconds(1))).isFalse();
        assertThat(acceptances).hasValue(3);
        assertThat(limit.inFlight()).as("a finished acceptance leaves its place").isEqualTo(1);
    }

    @Test
    void aFailedAcceptanceLeavesItsPlaceToo() {
        IngressLimit limit = limit(1, 1_000);
        assertThatThrownBy(() -> limit.admit(() -> Uni.createFrom().<Boolean>failure(new IllegalStateException("x")))
                .await().atMost(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        assertThat(limit.inFlight()).isZero();
        assertThat(limit.admit(() -> accepting(CompletableFuture.completedFuture(true))).await()
                .atMost(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void shedsWhileTheBacklogIsAboveTheBoundReadingItAtMostOncePerMaxAge() {
        IngressLimit limit = limit(64, 10);
        backlog.set(11);
        assertThatThrownBy(() -> limit.admit(() -> accepting(CompletableFuture.completedFuture(true))).await()
                .atMost(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(TryLaterException.class, e -> assertThat(e.getMessage())
                        .contains("the inbox holds 11 deliveries not processed yet (the bound is 10)"));
        assertThat(backlogReads).hasValue(1);

        backlog.set(10);
        clock.addAndGet(MAX_AGE.toNanos());
        assertThatThrownBy(() -> limit.admit(() -> accepting(CompletableFuture.completedFuture(true))).await()
                .atMost(Duration.ofSeconds(1))).as("the count read a max-age ago still stands")
                .isInstanceOf(TryLaterException.class);
        assertThat(backlogReads).hasValue(1);

        clock.addAndGet(1);
        assertThat(limit.admit(() -> accepting(CompletableFuture.completedFuture(true))).await()
                .atMost(Duration.ofSeconds(1))).as("at the bound it takes deliveries").isTrue();
        assertThat(backlogReads).hasValue(2);
        assertThat(acceptances).hasValue(1);
        assertThat(limit.shedSinceStart()).isEqualTo(2);
    }

    @Test
    void aCountThatFailsLeavesTheLastOneStanding() {
        AtomicInteger reads = new AtomicInteger();
        IngressLimit limit = new IngressLimit(config(64, 10), () -> {
            reads.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("no database"));
        }, clock::get);
        assertThat(limit.admit(() -> accepting(CompletableFuture.completedFuture(true))).await()
                .atMost(Duration.ofSeconds(1))).isTrue();
        assertThat(limit.admit(() -> accepting(CompletableFuture.completedFuture(true))).await()
                .atMost(Duration.ofSeconds(1))).isTrue();
        assertThat(reads).as("a failed read is not repeated before the max-age either").hasValue(1);
    }

    private Uni<Boolean> accepting(CompletableFuture<Boolean> answer) {
        acceptances.incrementAndGet();
        return Uni.createFrom().completionStage(answer);
    }

    private IngressLimit limit(int maxInFlight, long shedAbovePending) {
        return new IngressLimit(config(maxInFlight, shedAbovePending), () -> {
            backlogReads.incrementAndGet();
            return Uni.createFrom().item(backlog.get());
        }, clock::get);
    }

    private static PnlConfig.Ingress config(int maxInFlight, long shedAbovePending) {
        return ConfigOf.map(PnlConfig.Ingress.class, Map.of("maxInFlight", maxInFlight, "shedAbovePending",
                shedAbovePending, "backlogMaxAge", MAX_AGE, "retryAfter", Duration.ofMillis(7_900)));
    }
}
