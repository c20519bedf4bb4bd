package io.tideline.gateway.stream;

import io.tideline.events.EventEnvelope;
import io.tideline.events.lp.PositionRef;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamFilterTest {

    private static final String WALLET = "0x00000000000000000000000000000000000000aa";
    private static final PositionRef POSITION = new PositionRef(1, "0xc36442b4a4522e871399cd717abdd847ab11fe88",
            "7");

    @Test
    void withoutTopicsTheFiveBusinessTopicsAndNotPrices() {
        StreamFilter filter = StreamFilter.of(null, null, null, Roles.VIEWER);
        assertThat(filter.topics()).containsExactlyInAnyOrder("lp.positions", "perp.hedges", "pnl.executions",
                "mm.settlement", "alerts");
        assertThat(filter.accepts(of(TestEvents.price("ETH-USD")))).isFalse();
        assertThat(StreamFilter.of(List.of("market.prices"), null, null, Roles.VIEWER)
                .accepts(of(TestEvents.price("ETH-USD")))).isTrue();
    }

    @Test
    void topicsRepeatedOrCommaSeparated() {
        assertThat(StreamFilter.of(List.of("alerts, perp.hedges", "lp.positions"), null, null, Roles.VIEWER)
                .topics()).isEqualTo(Set.of("alerts", "perp.hedges", "lp.positions"));
    }

    @Test
    void badValuesNameTheirParameter() {
        assertBad(() -> StreamFilter.of(List.of("mm.fills"), null, null, Roles.VIEWER), "topic");
        assertBad(() -> StreamFilter.of(List.of("alerts,"), null, null, Roles.VIEWER), "topic");
        assertBad(() -> StreamFilter.of(null, "0x12", null, Roles.VIEWER), "wallet");
        assertBad(() -> StreamFilter.of(null, WALLET + "0", null, Roles.VIEWER), "wallet");
        assertBad(() -> StreamFilter.of(null, null, "1:0xabc", Roles.VIEWER), "position");
        assertBad(() -> StreamFilter.of(null, null, "0:0xabc:1", Roles.VIEWER), "position");
        assertBad(() -> StreamFilter.of(null, null, "1:0xabc:" + "9".repeat(300), Roles.VIEWER), "position");
    }

    @Test
    void rawWalletActivityIsAnAdminsOnly() {
        StreamEvent activity = of(TestEvents.walletActivity(WALLET));
        StreamEvent execution = of(TestEvents.execution(WALLET));
        assertThat(StreamFilter.of(null, null, null, Roles.VIEWER).accepts(activity)).isFalse();
        assertThat(StreamFilter.of(null, null, null, Roles.TRADER).accepts(activity)).isFalse();
        assertThat(StreamFilter.of(null, null, null, Roles.ADMIN).accepts(activity)).isTrue();
        assertThat(StreamFilter.of(null, null, null, Roles.VIEWER).accepts(execution)).isTrue();
        assertThat(EventVisibility.leastRole("SomethingNew")).isEqualTo(Roles.ADMIN);
    }

    @Test
    void aWalletMatchesTheEventsThatNameIt() {
        StreamFilter filter = StreamFilter.of(null, WALLET.toUpperCase().replace("0X", "0x"), null, Roles.VIEWER);
        assertThat(filter.accepts(of(TestEvents.execution(WALLET)))).isTrue();
        assertThat(filter.accepts(of(TestEvents.alertAbout(WALLET)))).isTrue();
        assertThat(filter.accepts(of(TestEvents.execution(TestEvents.wallet())))).isFalse();
        assertThat(filter.accepts(of(TestEvents.rangeEntered(POSITION)))).isFalse();
    }

    @Test
    void aPositionMatchesItsLpEventsItsHedgeAndItsAlerts() {
        StreamFilter filter = StreamFilter.of(null, null, POSITION.key().toUpperCase(), Roles.VIEWER);
        assertThat(filter.accepts(of(TestEvents.rangeEntered(POSITION)))).isTrue();
        assertThat(filter.accepts(of(TestEvents.hedgeRequested(POSITION)))).isTrue();
        assertThat(filter.accepts(of(TestEvents.alertAbout(POSITION.key())))).isTrue();
        assertThat(filter.accepts(of(TestEvents.hedgeRequested(TestEvents.position())))).isFalse();
        assertThat(filter.accepts(of(TestEvents.sessionSettled("s-1")))).isFalse();
    }

    @Test
    void walletAndPositionTogetherMustBothMatch() {
        StreamFilter filter = StreamFilter.of(null, WALLET, POSITION.key(), Roles.VIEWER);
        assertThat(filter.accepts(of(TestEvents.execution(WALLET)))).isFalse();
        assertThat(filter.accepts(of(TestEvents.rangeEntered(POSITION)))).isFalse();
    }

    private static StreamEvent of(TestEvents.Sent sent) {
        EventEnvelope<?> e = sent.envelope();
        return new StreamEvent(1, sent.topic(), e.type(), EventVisibility.leastRole(e.type()),
                EventSubjects.of(sent.topic(), e), SseFrame.event("x-1", e.type(), "{}"));
    }

    private static void assertBad(Runnable parse, String field) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.errors()).extracting(err -> err.field()).contains(field);
        });
    }
}
