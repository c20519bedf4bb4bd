package io.tideline.perp.venue.extended;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.tideline.perp.venue.extended.ExtendedStandIn.API;
import static io.tideline.perp.venue.extended.ExtendedStandIn.answer;
import static io.tideline.perp.venue.extended.ExtendedStandIn.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tideline.perp.venue.OrderConfirmation;
import io.tideline.perp.venue.OrderLookup;
import io.tideline.perp.venue.VenueTrade;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link OrderConfirmation} against the Extended stand-in replaying the venue's lag: a fresh order id that answers 404
 * for a while, a 5xx in between, an order that never shows but whose fills do.
 */
class ExtendedOrderConfirmationTest {

    @RegisterExtension
    static WireMockExtension extended = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String ORDER_ID = "1834567890123456789";
    private static final String ORDER_PATH = API + "/user/orders/" + ORDER_ID;

    private final List<Duration> sleeps = new ArrayList<>();
    private OrderConfirmation confirmation;

    @BeforeEach
    void confirmationWithDefaultBudget() {
        confirmation = new OrderConfirmation(ExtendedStandIn.venue(extended), 5, Duration.ofSeconds(2), 10,
                sleeps::add);
        extended.stubFor(get(urlPathEqualTo(API + "/user/trades")).willReturn(ok("trades-eth-usd.json")));
    }

    @Test
    void findsTheOrderOnTheThirdLookupWithItsFills() {
        answerInTurn(ORDER_PATH, answer(404, "error-order-not-found.json"), answer(404, "error-order-not-found.json"),
                ok("order-filled.json"));

        OrderLookup lookup = confirmation.confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Found.class, found -> {
            assertThat(found.order().orderId()).isEqualTo(ORDER_ID);
            assertThat(found.order().status()).isEqualTo("FILLED");
            assertThat(found.trades()).extracting(VenueTrade::tradeId)
                    .containsExactly("1834567890123456802", "1834567890123456801");
            assertThat(found.trades()).extracting(VenueTrade::quantity).map(BigDecimal::stripTrailingZeros)
                    .containsExactly(new BigDecimal("0.2"), new BigDecimal("0.3"));
        });
        extended.verify(3, getRequestedFor(urlPathEqualTo(ORDER_PATH)));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void findsTheFillsWhenTheOrderNeverShowsById() {
        extended.stubFor(get(urlPathEqualTo(ORDER_PATH)).willReturn(answer(404, "error-order-not-found.json")));

        OrderLookup lookup = confirmation.confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.FoundInTrades.class, found -> {
            assertThat(found.orderId()).isEqualTo(ORDER_ID);
            assertThat(found.trades()).extracting(VenueTrade::tradeId)
                    .containsExactly("1834567890123456802", "1834567890123456801");
        });
        extended.verify(5, getRequestedFor(urlPathEqualTo(ORDER_PATH)));
        extended.verify(1, getRequestedFor(urlPathEqualTo(API + "/user/trades")));
        assertThat(sleeps).hasSize(4);
    }

    @Test
    void aServerErrorCountsAsAMissThenTheOrderIsFound() {
        answerInTurn(ORDER_PATH, aResponse().withStatus(502).withBody("Bad Gateway"), ok("order-filled.json"));

        OrderLookup lookup = confirmation.confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Found.class,
                found -> assertThat(found.order().status()).isEqualTo("FILLED"));
        extended.verify(2, getRequestedFor(urlPathEqualTo(ORDER_PATH)));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aRejectedOrderIsFoundWithItsReasonAndNoFills() {
        extended.stubFor(get(urlPathEqualTo(ORDER_PATH)).willReturn(ok("order-rejected-not-enough-funds.json")));
        extended.stubFor(get(urlPathEqualTo(API + "/user/trades")).willReturn(ok("trades-other-orders.json")));

        OrderLookup lookup = confirmation.confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Found.class, found -> {
            assertThat(found.order().rejected()).isTrue();
            assertThat(found.order().statusReason()).isEqualTo("NOT_ENOUGH_FUNDS");
            assertThat(found.trades()).isEmpty();
        });
        extended.verify(1, getRequestedFor(urlPathEqualTo(ORDER_PATH)));
    }

    @Test
    void keepsLookingAtANewOrderUntilItIsFinal() {
        answerInTurn(ORDER_PATH, ok("order-new.json"), ok("order-new.json"), ok("order-filled.json"));

        OrderLookup lookup = confirmation.confirm(ORDER_ID, "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Found.class,
                found -> assertThat(found.order().status()).isEqualTo("FILLED"));
        extended.verify(3, getRequestedFor(urlPathEqualTo(ORDER_PATH)));
    }

    @Test
    void neitherOrderNorFillsIsNotFound() {
        extended.stubFor(get(urlPathEqualTo(ORDER_PATH)).willReturn(answer(404, "error-order-not-found.json")));
        extended.stubFor(get(urlPathEqualTo(API + "/user/trades")).willReturn(ok("trades-other-orders.json")));

        assertThat(confirmation.confirm(ORDER_ID, "ETH-USD")).isInstanceOf(OrderLookup.NotFound.class);
        extended.verify(5, getRequestedFor(urlPathEqualTo(ORDER_PATH)));
    }

    @Test
    void findsAnOrderByExternalIdAfterACrash() {
        answerInTurn(API + "/user/orders/external/hedge-7f3c2a", okJson("{\"status\":\"OK\",\"data\":[]}"),
                ok("orders-by-external-id.json"));

        OrderLookup lookup = confirmation.findByExternalId("hedge-7f3c2a", "ETH-USD");

        assertThat(lookup).isInstanceOfSatisfying(OrderLookup.Found.class, found -> {
            assertThat(found.order().orderId()).isEqualTo(ORDER_ID);
            assertThat(found.trades()).hasSize(2);
        });
        extended.verify(2, getRequestedFor(urlPathEqualTo(API + "/user/orders/external/hedge-7f3c2a")));
    }

    /** Answers {@code path} with each answer in turn, then keeps giving the last one (a WireMock scenario). */
    private static void answerInTurn(String path, ResponseDefinitionBuilder... answers) {
        String scenario = path + " " + UUID.randomUUID();
        String state = STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i == answers.length - 1 ? state : "answer " + (i + 2);
            extended.stubFor(get(urlPathEqualTo(path)).inScenario(scenario)
                    .whenScenarioStateIs(state)
                    .willReturn(answers[i])
                    .willSetStateTo(next));
            state = next;
        }
    }
}
