package io.tideline.perp.funding;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.EventEnvelope;
import io.tideline.events.EventEnvelopeCodec;
import io.tideline.events.EventIds;
import io.tideline.events.Topics;
import io.tideline.events.perp.FundingPaid;
import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.Transactions;
import io.tideline.perp.flow.ExtendedStandInResource;
import io.tideline.testing.KafkaTestClient;
import io.tideline.testing.TestKafka;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The funding reader against a WireMock stand-in speaking Extended's {@code GET /user/funding/history}, on the real
 * broker and database: each payment published once per hedge short on its market (shared by open quantity, the
 * shares summing to the payment), a re-read publishing nothing new, and the next read starting at the checkpoint.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ExtendedStandInResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = ExtendedStandInResource.ROLE, value = ExtendedStandInResource.FEEDS))
class FundingReaderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventEnvelopeCodec CODEC = new EventEnvelopeCodec();
    private static final String MARKET = "SOL-USD";
    private static final String HISTORY = "/api/v1/user/funding/history";

    private static KafkaTestClient kafka;
    private static WireMock venue;

    @Inject
    Transactions transactions;
    @Inject
    FundingStore store;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestKafka.bootstrapServers());
        venue = ExtendedStandInResource.client();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    /**
     * Two hedges short SOL-USD, 1.0 and 0.5 open. Payment A: a short at rate +0.000013, fee 0.0601965 → received
     * +0.0601965, shared 2/3 and 1/3: +0.040131 and +0.0200655. Payment B: rate −0.00002, fee 0.0926 → paid −0.0926:
     * −0.061733333333 (2/3, half-even to 12 decimals) and the rest −0.030866666667. Per hedge: +0.040131 −
     * 0.061733333333 = −0.021602333333 and +0.0200655 − 0.030866666667 = −0.010801166667; together −0.0324035.
     */
    @Test
    void publishesEachPaymentOncePerHedgeSharedByOpenQuantityAndARereadPublishesNothingNew() {
        UUID big = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        String bigKey = "31337:0xc36442b4a4522e871399cd717abdd847ab11fe88:" + System.nanoTime();
        String smallKey = "31337:0xc36442b4a4522e871399cd717abdd847ab11fe88:" + (System.nanoTime() + 1);
        transactions.execute(uow -> {
            insertHedge(uow, big, bigKey, "1.0");
            insertHedge(uow, small, smallKey, "0.5");
        });
        venue.register(get(urlPathEqualTo(HISTORY)).willReturn(okJson("""
                {"status":"OK","data":[
                  {"id":9007199254740993,"accountId":3137,"market":"SOL-USD","positionId":1821237954501148672,
                   "side":"SHORT","size":"1.5","value":"231.5","markPrice":"154.33","fundingFee":"0.0601965",
                   "fundingRate":"0.000013","paidTime":1767225600000},
                  {"id":9007199254740995,"accountId":3137,"market":"SOL-USD","positionId":1821237954501148672,
                   "side":"SHORT","size":"1.5","value":"232.0","markPrice":"154.66","fundingFee":"0.0926",
                   "fundingRate":"-0.00002","paidTime":1767229200000}],
                 "pagination":{"cursor":9007199254740995,"count":2}}""")));

        List<EventEnvelope<?>> paid = funding(List.of(bigKey, smallKey), 4, WAIT);
        assertThat(paid).hasSize(4);
        assertThat(paid).extracting(e -> ((FundingPaid) e.payload()).amount().toPlainString())
                .containsExactlyInAnyOrder("0.040131", "0.0200655", "-0.061733333333", "-0.030866666667");
        FundingPaid first = paid.stream().map(e -> (FundingPaid) e.payload())
                .filter(f -> f.hedgeId().equals(big.toString()) && f.paymentId().equals("9007199254740993"))
                .findFirst().orElseThrow();
        assertThat(first.positionKey()).isEqualTo(bigKey);
        assertThat(first.market()).isEqualTo(MARKET);
        assertThat(first.venuePositionId()).isEqualTo("1821237954501148672");
        assertThat(first.positionSide()).isEqualTo("SHORT");
        assertThat(first.quantity()).isEqualByComparingTo("1.0");
        assertThat(first.rate()).isEqualByComparingTo("0.000013");
        assertThat(first.venueAmount()).isEqualByComparingTo("0.0601965");
        assertThat(first.paidAt()).isEqualTo(Instant.ofEpochMilli(1767225600000L));
        assertThat(paid).allSatisfy(e -> {
            FundingPaid f = (FundingPaid) e.payload();
            assertThat(e.eventId()).isEqualTo(EventIds.of("funding-paid", "extended", f.paymentId(),
                    UUID.fromString(f.hedgeId())));
            assertThat(e.key()).isEqualTo(f.positionKey());
        });

        // read again (same answer): nothing new is published; the next read asks from the latest payment's time
        int reads = venue.find(getRequestedFor(urlPathEqualTo(HISTORY))).size();
        await().atMost(WAIT).until(() -> venue.find(getRequestedFor(urlPathEqualTo(HISTORY))).size() >= reads + 3);
        assertThat(funding(List.of(bigKey, smallKey), 5, Duration.ofSeconds(2))).hasSize(4);
        List<LoggedRequest> requests = venue.find(getRequestedFor(urlPathEqualTo(HISTORY))
                .withQueryParam("market", WireMock.equalTo(MARKET)));
        assertThat(requests.get(requests.size() - 1).queryParameter("fromTime").firstValue())
                .isEqualTo("1767229200000");
        assertThat(store.totalOf(transactions.reads(), big)).isEqualByComparingTo("-0.021602333333");
        assertThat(store.totalOf(transactions.reads(), small)).isEqualByComparingTo("-0.010801166667");
    }

    private static void insertHedge(Sql uow, UUID hedgeId, String positionKey, String openQty) {
        uow.exec("insert into perp_hedge (hedge_id, position_key, owner, pool, market, volatile_token,"
                + " volatile_decimals, status, lp_state, target_qty, open_qty, created_at) values ($1, $2,"
                + " '0x5b38da6a701c568545dcfcb03fcb875f56beddc4', '31337:0x4e68ccd3e89f51c3074ca5072bbac773960dfa36',"
                + " 'SOL-USD', '0xd31a59c85ae9d8edefec411d448f90841571b89c', 9, 'OPEN', 'OPEN', $3, $3,"
                + " timestamptz '2025-12-31T00:00:00Z')", Tuple.of(hedgeId, positionKey, new BigDecimal(openQty)));
    }

    private static List<EventEnvelope<?>> funding(List<String> keys, int expected, Duration wait) {
        return kafka.read(Topics.PERP_HEDGES.name(), r -> keys.contains(r.key())
                        && CODEC.decode(r.value()).payload() instanceof FundingPaid, expected, wait).stream()
                .<EventEnvelope<?>>map(r -> CODEC.decode(r.value())).toList();
    }
}
