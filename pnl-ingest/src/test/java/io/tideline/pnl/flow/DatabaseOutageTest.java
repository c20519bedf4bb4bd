package io.tideline.pnl.flow;

import io.tideline.testing.alchemy.AlchemyPayloads;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.pnl.ExecutionUnmatched;
import io.tideline.events.pnl.PnlRealized;
import io.tideline.messaging.inbox.InboxWorkers;
import io.tideline.pnl.poller.FallbackPoller;
import io.tideline.pnl.webhook.WebhookInbox;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away while the inbox worker is in the middle of a delivery: the worker waits the outage out
 * (BLOCKED, nothing counted against the deliveries), the ingress acknowledges nothing it cannot store, and once the
 * database is back every delivery acknowledged before the cut is processed once, none set aside. The fallback poller's
 * worker lives through the same outage and scans again after it.
 */
@QuarkusTest
@WithTestResource(value = GatedPnlResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DatabaseOutageTest {

    private static final String WALLET = PnlTestResources.Wallets.OUTAGE;

    @Inject
    InboxWorkers workers;

    @Inject
    FallbackPoller poller;

    @Test
    void deliveriesAcknowledgedBeforeAnOutageAreProcessedOnceItEndsNoneSetAside() throws Exception {
        String ctf = ConfigProvider.getConfig().getValue("tideline.pnl.polymarket.conditional-tokens", String.class);
        String usdc = ConfigProvider.getConfig().getValue("tideline.pnl.polymarket.collateral-tokens", String.class);
        BigInteger token = new BigInteger(64, new Random()).add(BigInteger.TWO.pow(220));
        Instant now = Instant.now();
        String buy = AlchemyPayloads.txHash();
        String sell = AlchemyPayloads.txHash();
        List<String> ids = List.of(AlchemyPayloads.deliveryId(), AlchemyPayloads.deliveryId(),
                AlchemyPayloads.deliveryId());
        byte[] buyBody = AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, ids.get(0), now,
                AlchemyPayloads.usdc(buy, 1, WALLET, PnlTestResources.EXCHANGE, usdc, 40_000_000),
                AlchemyPayloads.shares(buy, 2, PnlTestResources.EXCHANGE, WALLET, ctf, token, 100_000_000));
        byte[] sellBody = AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, ids.get(1), now.plusSeconds(5),
                AlchemyPayloads.shares(sell, 3, WALLET, PnlTestResources.EXCHANGE, ctf, token, 100_000_000),
                AlchemyPayloads.usdc(sell, 4, PnlTestResources.EXCHANGE, WALLET, usdc, 50_000_000));
        byte[] transferBody = AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, ids.get(2), now.plusSeconds(6),
                AlchemyPayloads.usdc(AlchemyPayloads.txHash(), 9, WALLET, PnlTestResources.EXCHANGE, usdc, 1_000));

        Instant reopened;
        try (Connection direct = GatedPnlResources.database().connect()) {
            // Hold the wallet's daily-totals row, so the worker is stuck inside the buy's transaction when the
            // database goes away (the direct connection does not go through the gate).
            direct.setAutoCommit(false);
            holdDailyRow(direct, LocalDate.ofInstant(now, ZoneOffset.UTC));
            post(buyBody).statusCode(200).body("status", equalTo("accepted"));
            post(sellBody).statusCode(200).body("status", equalTo("accepted"));
            post(transferBody).statusCode(200).body("status", equalTo("accepted"));
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnTheRow(direct));

            GatedPnlResources.gate().shut();
            await().atMost(Duration.ofSeconds(20)).until(() -> state().equals("BLOCKED"));
            // Nothing can be stored while the database is away, so nothing is acknowledged: Alchemy retries.
            post(AlchemyPayloads.delivery(PnlTestResources.WEBHOOK, AlchemyPayloads.deliveryId(), now,
                    AlchemyPayloads.usdc(AlchemyPayloads.txHash(), 1, WALLET, PnlTestResources.EXCHANGE, usdc, 5)))
                    .statusCode(503).header("Retry-After", notNullValue());
            direct.commit(); // the cut-off transaction's server side ends now too
            Thread.sleep(2_000); // several back-off rounds, more than max-attempts, while the database is away
            assertThat(state()).isEqualTo("BLOCKED");
            // The poller's next scheduled scan fails on the database too.
            await().atMost(Duration.ofSeconds(20)).until(() -> poller.state().lastFailure() != null);
            reopened = Instant.now();
            GatedPnlResources.gate().open();

            await().atMost(Duration.ofSeconds(30)).until(() -> processed(direct, ids) == ids.size());
            try (PreparedStatement s = direct.prepareStatement("select count(*) filter (where attempts > 0),"
                    + " count(*) filter (where set_aside_at is not null) from inbox where stream = ?"
                    + " and message_id = any(?)")) {
                s.setString(1, WebhookInbox.STREAM);
                s.setArray(2, direct.createArrayOf("text", ids.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    assertThat(r.getLong(1)).as("attempts counted against a delivery").isZero();
                    assertThat(r.getLong(2)).as("deliveries set aside").isZero();
                }
            }
            direct.commit();
        }
        assertThat(PnlTopic.read(ExecutionUnmatched.class, e -> e.executionId().contains(buy)
                || e.executionId().contains(sell), 3, Duration.ofSeconds(20))).hasSize(2);
        // this run's token: the topic keeps earlier runs' realizations of the same wallet on a broker kept between runs
        assertThat(PnlTopic.read(PnlRealized.class, p -> p.user().equals(WALLET)
                && p.outcome().equals(token.toString()), 2, Duration.ofSeconds(5))).singleElement()
                .satisfies(p -> assertThat(p.realizedPnl()).isEqualByComparingTo("10"));
        given().get("/api/v1/webhooks/inbox").then().statusCode(200).body("state", equalTo("RUNNING"));

        // The poller's worker went through the same outage: it is alive and has scanned since.
        await().atMost(Duration.ofSeconds(60)).until(() -> scheduledScansSince(reopened) > 0);
        assertThat(poller.state().worker()).isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(10)).until(() -> poller.state().lastFailure() == null);
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'workers' }.data.'pnl-fallback-poller'", equalTo("RUNNING"))
                // both inbox workers (tideline.pnl.processing.workers = 2 in the tests)
                .body("checks.find { it.name == 'workers' }.data.'inbox-alchemy-webhooks-1'", equalTo("RUNNING"))
                .body("checks.find { it.name == 'workers' }.data.'inbox-alchemy-webhooks-2'", equalTo("RUNNING"));
    }

    private String state() {
        return workers.statuses().stream().filter(s -> s.stream().equals(WebhookInbox.STREAM)).findFirst()
                .orElseThrow().state();
    }

    private static void holdDailyRow(Connection direct, LocalDate day) throws Exception {
        try (PreparedStatement s = direct.prepareStatement("insert into pnl_daily (user_id, day) values (?, ?)"
                + " on conflict do nothing")) {
            s.setString(1, WALLET);
            s.setObject(2, day);
            s.executeUpdate();
        }
        direct.commit();
        try (PreparedStatement s = direct.prepareStatement("select 1 from pnl_daily where user_id = ? and day = ?"
                + " for update")) {
            s.setString(1, WALLET);
            s.setObject(2, day);
            s.executeQuery().close();
        }
    }

    /** Whether another session is waiting for a lock (the worker, on the row this test holds). */
    private static boolean waitingOnTheRow(Connection direct) throws Exception {
        try (PreparedStatement s = direct.prepareStatement("select count(*) from pg_stat_activity"
                + " where datname = current_database() and wait_event_type = 'Lock'");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1) > 0;
        }
    }

    private static long processed(Connection direct, List<String> ids) {
        try (PreparedStatement s = direct.prepareStatement("select count(*) from inbox where stream = ?"
                + " and message_id = any(?) and processed_at is not null")) {
            s.setString(1, WebhookInbox.STREAM);
            s.setArray(2, direct.createArrayOf("text", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long n = r.getLong(1);
                direct.commit();
                return n;
            }
        } catch (Exception e) {
            return -1;
        }
    }

    private static long scheduledScansSince(Instant since) {
        try (Connection c = GatedPnlResources.database().connect();
                PreparedStatement s = c.prepareStatement("select count(*) from poller_run where trigger = 'schedule'"
                        + " and started_at >= ?")) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (Exception e) {
            return -1;
        }
    }

    private static io.restassured.response.ValidatableResponse post(byte[] body) {
        return given().header("X-Alchemy-Signature", AlchemyPayloads.sign(body, PnlTestResources.SIGNING_KEY))
                .contentType("application/json").body(body).post("/api/v1/webhooks/alchemy").then();
    }
}
