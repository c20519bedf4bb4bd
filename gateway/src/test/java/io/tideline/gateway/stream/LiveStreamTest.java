package io.tideline.gateway.stream;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.events.lp.PositionRef;
import io.tideline.gateway.GatewayTestResources;
import io.tideline.gateway.stream.TestEvents.Sent;
import io.tideline.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream against a real broker: envelopes published with a Kafka producer, read as server-sent events by
 * real HTTP clients.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LiveStreamTest {

    private static TestEvents kafka;
    private static boolean live;

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void producer() {
        kafka = new TestEvents();
    }

    @AfterAll
    static void closeProducer() {
        kafka.close();
    }

    /** The stream reads from the latest offsets once its consumer has its partitions: wait for that once. */
    @BeforeEach
    void streamIsLive() {
        if (live) {
            return;
        }
        String wallet = TestEvents.wallet();
        PositionRef position = TestEvents.position();
        try (SseTestClient probe = SseTestClient.open(base, "topic=lp.positions,perp.hedges,pnl.executions,"
                + "mm.settlement,alerts,market.prices", auth("admin"))) {
            assertThat(probe.status()).isEqualTo(200);
            List<Sent> probes = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                probes.addAll(kafka.send(List.of(TestEvents.rangeEntered(position), TestEvents.hedgeRequested(
                        position), TestEvents.execution(wallet), TestEvents.sessionSettled("s-probe"),
                        TestEvents.alertAbout(wallet), TestEvents.price("PROBE-USD"))));
                return probe.events().stream().map(e -> topicOf(e)).distinct().count() == 6;
            });
        }
        live = true;
    }

    @Test
    void refusesAnonymousCallersAndBadQueriesNamingTheField() throws Exception {
        SseTestClient.Refusal anonymous = SseTestClient.refused(base, "");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.authenticate()).startsWith("Bearer");

        assertBadField("topic=lp.positions,mm.fills", "topic");
        assertBadField("wallet=0x123", "wallet");
        assertBadField("position=1:0xabc", "position");
        assertBadField("position=1:0xabc:12a", "position");
        SseTestClient.Refusal badId = SseTestClient.refused(base, "", auth("viewer", "Last-Event-ID", "not an id"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body()).contains("Last-Event-ID");
    }

    @Test
    void alertingsOwnStreamIsNotForwardedButPointedHere() {
        given().header("Authorization", TestTokens.bearer("viewer")).get("/api/v1/alerts/stream").then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("/api/v1/stream?topic=alerts"));
    }

    @Test
    void aViewerSeesTheBusinessEventsButNotRawWalletActivityWhichAnAdminSees() {
        String wallet = TestEvents.wallet();
        try (SseTestClient viewer = SseTestClient.open(base, "wallet=" + wallet, auth("viewer"));
                SseTestClient admin = SseTestClient.open(base, "wallet=" + wallet, auth("admin"))) {
            assertThat(viewer.status()).isEqualTo(200);
            assertThat(viewer.contentType()).startsWith("text/event-stream");
            Sent execution = kafka.send(TestEvents.execution(wallet));
            Sent activity = kafka.send(TestEvents.walletActivity(wallet));
            Sent alert = kafka.send(TestEvents.alertAbout(wallet));
            // the same wallet, the same partition: after the activity
            Sent fence = kafka.send(TestEvents.execution(wallet));

            await().atMost(Duration.ofSeconds(30)).until(() -> admin.events().size() >= 4
                    && viewer.eventsWith(fence.eventId()).size() == 1);
            assertThat(ids(admin)).contains(execution.eventId(), activity.eventId(), alert.eventId(),
                    fence.eventId());
            assertThat(ids(viewer)).contains(execution.eventId(), alert.eventId(), fence.eventId())
                    .doesNotContain(activity.eventId());
            SseTestClient.Event seen = viewer.eventsWith(execution.eventId()).get(0);
            assertThat(seen.name()).isEqualTo("ExecutionUnmatched");
            assertThat(seen.id()).matches("[0-9a-z]+-[0-9]+");
            assertThat(seen.data()).startsWith("{\"topic\":\"pnl.executions\",\"partition\":")
                    .contains("\"offset\":", "\"event\":{", "\"user\":\"" + wallet + "\"");
        }
    }

    @Test
    void filtersByTopicWalletAndPositionAndKeepsPricesForThoseWhoAskForThem() {
        String wallet = TestEvents.wallet();
        String otherWallet = TestEvents.wallet();
        PositionRef position = TestEvents.position();
        PositionRef otherPosition = TestEvents.position();
        try (SseTestClient hedges = SseTestClient.open(base, "topic=perp.hedges", auth("viewer"));
                SseTestClient byPosition = SseTestClient.open(base, "position=" + position.key().toUpperCase(),
                        auth("viewer"));
                SseTestClient byWallet = SseTestClient.open(base, "wallet=" + wallet.toUpperCase().replace("0X",
                        "0x"), auth("trader"));
                SseTestClient prices = SseTestClient.open(base, "topic=market.prices", auth("viewer"));
                SseTestClient everything = SseTestClient.open(base, "", auth("viewer"))) {
            kafka.sendGarbage("lp.positions", position.key());
            Sent forged = kafka.send(TestEvents.forgedRangeEntered(position));
            List<Sent> sent = kafka.send(List.of(
                    TestEvents.rangeEntered(position),          // 0
                    TestEvents.hedgeRequested(position),        // 1
                    TestEvents.hedgeRequested(otherPosition),   // 2
                    TestEvents.execution(wallet),               // 3
                    TestEvents.execution(otherWallet),          // 4
                    TestEvents.alertAbout(position.key()),      // 5
                    TestEvents.price("ETH-USD"),                // 6
                    TestEvents.sessionSettled("s-" + UUID.randomUUID()))); // 7

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(received(everything, sent)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 7);
                assertThat(received(hedges, sent)).containsExactlyInAnyOrder(1, 2);
                assertThat(received(byPosition, sent)).containsExactlyInAnyOrder(0, 1, 5);
                assertThat(received(byWallet, sent)).containsExactly(3);
                assertThat(received(prices, sent)).containsExactly(6);
            });
            // nothing else comes for them: the filters held, not only the timing
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
                assertThat(received(hedges, sent)).hasSize(2);
                assertThat(received(byPosition, sent)).hasSize(3);
                assertThat(received(byWallet, sent)).hasSize(1);
                assertThat(received(prices, sent)).hasSize(1);
                assertThat(byPosition.eventsWith(forged.eventId())).isEmpty();
            });
            assertThat(prices.events()).allSatisfy(e -> assertThat(e.name()).isEqualTo("PriceObserved"));
            await().atMost(Duration.ofSeconds(10)).until(() -> everything.comments() > 0); // heartbeats
        }
    }

    @Test
    void resumingWithLastEventIdGivesExactlyTheMissedEventsThenTheLiveOnes() {
        String wallet = TestEvents.wallet();
        String lastSeen;
        List<Sent> missed;
        try (SseTestClient first = SseTestClient.open(base, "wallet=" + wallet, auth("viewer"));
                SseTestClient observer = SseTestClient.open(base, "wallet=" + wallet, auth("trader"))) {
            Sent seen = kafka.send(TestEvents.execution(wallet));
            lastSeen = first.awaitEvents(1).get(0).id();
            assertThat(first.events().get(0).data()).contains(seen.eventId());
            first.close();
            missed = kafka.send(List.of(TestEvents.execution(wallet), TestEvents.alertAbout(wallet),
                    TestEvents.execution(TestEvents.wallet()), TestEvents.execution(wallet)));
            observer.awaitEvents(4); // the gateway has streamed them: a reconnect now must get them by replay
        }

        try (SseTestClient back = SseTestClient.open(base, "wallet=" + wallet, auth("viewer",
                "Last-Event-ID", lastSeen))) {
            List<SseTestClient.Event> replayed = back.awaitEvents(3);
            assertThat(replayed).extracting(e -> eventIdOf(e))
                    .containsExactlyInAnyOrder(missed.get(0).eventId(), missed.get(1).eventId(),
                            missed.get(3).eventId());
            Sent next = kafka.send(TestEvents.execution(wallet));
            List<SseTestClient.Event> all = back.awaitEvents(4);
            assertThat(all).hasSize(4);
            assertThat(eventIdOf(all.get(3))).isEqualTo(next.eventId());
            assertThat(all).extracting(e -> sequenceOf(e.id())).isSorted()
                    .allSatisfy(n -> assertThat(n).isGreaterThan(sequenceOf(lastSeen)));
        }
    }

    @Test
    void anIdTheBufferNoLongerCoversOrFromAnotherInstanceGetsAnExplicitMissedEvent() {
        String wallet = TestEvents.wallet();
        String lastSeen;
        try (SseTestClient first = SseTestClient.open(base, "wallet=" + wallet, auth("viewer"))) {
            kafka.send(TestEvents.execution(wallet));
            lastSeen = first.awaitEvents(1).get(0).id();
            // the test profile keeps 50 events for replay
            List<Sent> flood = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                flood.add(TestEvents.execution(wallet));
            }
            kafka.send(flood);
            first.awaitEvents(61); // streamed, and so out of the buffer's reach for lastSeen
        }
        try (SseTestClient late = SseTestClient.open(base, "wallet=" + wallet, auth("viewer",
                "Last-Event-ID", lastSeen));
                SseTestClient stranger = SseTestClient.open(base, "wallet=" + wallet, auth("viewer",
                        "Last-Event-ID", "zz0other-7"))) {
            SseTestClient.Event signal = late.awaitEvents(1).get(0);
            assertThat(signal.name()).isEqualTo("missed");
            assertThat(signal.data()).contains("\"reason\":\"too-old\"", "\"lastEventId\":\"" + lastSeen + "\"");
            assertThat(sequenceOf(signal.id())).isGreaterThan(sequenceOf(lastSeen) + 50);
            SseTestClient.Event other = stranger.awaitEvents(1).get(0);
            assertThat(other.name()).isEqualTo("missed");
            assertThat(other.data()).contains("\"reason\":\"other-instance\"");

            Sent next = kafka.send(TestEvents.execution(wallet));
            await().atMost(Duration.ofSeconds(30)).until(() -> late.events().size() >= 2);
            assertThat(late.events()).hasSize(2);
            assertThat(eventIdOf(late.events().get(1))).isEqualTo(next.eventId());
        }
    }

    @Test
    void aCallerMayHoldOnlyItsShareOfStreams() throws Exception {
        String bearer = bearer("many-" + UUID.randomUUID(), "viewer");
        List<SseTestClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(SseTestClient.open(base, "", "Authorization", bearer));
                assertThat(open.get(i).status()).isEqualTo(200);
            }
            SseTestClient.Refusal sixth = SseTestClient.refused(base, "", "Authorization", bearer);
            assertThat(sixth.status()).isEqualTo(429);
            assertThat(sixth.contentType()).startsWith("application/problem+json");
        } finally {
            open.forEach(SseTestClient::close);
        }
        // a closed stream gives its place back
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (SseTestClient again = SseTestClient.open(base, "", "Authorization", bearer)) {
                assertThat(again.status()).isEqualTo(200);
            }
        });
    }

    @Test
    void aResponseThatEndsWithoutBecomingAStreamGivesItsPlaceBack() {
        String bearer = bearer("head-" + UUID.randomUUID(), "viewer");
        // HEAD is answered by the GET method, but Quarkus REST writes no body for it: the stream never gets its response
        for (int i = 0; i < 6; i++) {
            given().header("Authorization", bearer).header("Accept", "text/event-stream").head("/api/v1/stream")
                    .then().statusCode(200);
        }
        try (SseTestClient stream = SseTestClient.open(base, "", "Authorization", bearer)) {
            assertThat(stream.status()).isEqualTo(200);
        }
    }

    @Test
    void aClientThatDoesNotReadIsDroppedWhileAnotherGetsEverything() throws Exception {
        String wallet = TestEvents.wallet();
        double droppedBefore = droppedClients();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (Socket slow = new Socket();
                SseTestClient fast = SseTestClient.open(base, "wallet=" + wallet, auth("viewer"))) {
            slow.setReceiveBufferSize(1024);
            slow.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 5000);
            OutputStream out = slow.getOutputStream();
            out.write(("GET /api/v1/stream?wallet=" + wallet + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: " + TestTokens.bearer("viewer") + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = slow.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            // from here on the slow client reads nothing

            // batches the fast client keeps up with; the slow one falls further behind with each (the test
            // profile drops a client 300 frames behind). Frames of 4 KiB, so that the socket buffers, which grow to a
            // few MiB, fill up before the queue does.
            String detail = "x".repeat(4096);
            List<Sent> events = new ArrayList<>();
            for (int batch = 1; batch <= 12; batch++) {
                for (int i = 0; i < 250; i++) {
                    events.add(TestEvents.alertAbout(wallet, detail));
                }
                kafka.send(events.subList(events.size() - 250, events.size()));
                int sent = events.size();
                await().atMost(Duration.ofSeconds(60)).until(() -> fast.events().size() >= sent);
            }
            assertThat(fast.events()).extracting(e -> eventIdOf(e))
                    .containsExactlyElementsOf(events.stream().map(Sent::eventId).toList());
            await().atMost(Duration.ofSeconds(30)).until(() -> droppedClients() >= droppedBefore + 1);

            // its connection was closed: what it has left to read ends, well short of everything
            Future<Integer> drained = reader.submit(() -> countEvents(in));
            int got = drained.get(30, TimeUnit.SECONDS);
            assertThat(got).isLessThan(3000);
        } finally {
            reader.shutdownNow();
        }
    }

    private void assertBadField(String query, String field) throws Exception {
        SseTestClient.Refusal answer = SseTestClient.refused(base, query, auth("viewer"));
        assertThat(answer.status()).as(query).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).as(query).contains("\"" + field + "\"");
    }

    private static List<Integer> received(SseTestClient client, List<Sent> sent) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (!client.eventsWith(sent.get(i).eventId()).isEmpty()) {
                found.add(i);
            }
        }
        return found;
    }

    private static List<String> ids(SseTestClient client) {
        return client.events().stream().map(LiveStreamTest::eventIdOf).toList();
    }

    private static String eventIdOf(SseTestClient.Event event) {
        int at = event.data().indexOf("\"eventId\":\"");
        return at < 0 ? "" : event.data().substring(at + 11, at + 11 + 36);
    }

    private static String topicOf(SseTestClient.Event event) {
        int at = event.data().indexOf("\"topic\":\"");
        return at < 0 ? "" : event.data().substring(at + 9, event.data().indexOf('"', at + 9));
    }

    private static long sequenceOf(String streamId) {
        return Long.parseLong(streamId.substring(streamId.indexOf('-') + 1));
    }

    private static double droppedClients() {
        String metrics = given().get("/q/metrics").asString();
        return metrics.lines().filter(l -> l.startsWith("tideline_stream_clients_dropped_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** Reads to the end of the connection, counting the events' id lines. */
    private static int countEvents(InputStream in) throws Exception {
        byte[] buffer = new byte[8192];
        int events = 0;
        String carry = "";
        for (int n; (n = in.read(buffer)) >= 0; ) {
            String text = carry + new String(buffer, 0, n, StandardCharsets.UTF_8);
            int from = 0;
            for (int at; (at = text.indexOf("\nid:", from)) >= 0; from = at + 1) {
                events++;
            }
            carry = text.substring(Math.max(0, text.length() - 3));
        }
        return events;
    }

    /** The headers of a caller with this role, then any others (name, value, ...). */
    private static String[] auth(String role, String... more) {
        String[] headers = new String[2 + more.length];
        headers[0] = "Authorization";
        headers[1] = TestTokens.bearer(role);
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    private static String bearer(String subject, String role) {
        Instant now = Instant.now();
        return "Bearer " + new TestTokens.Token(subject, role, TestTokens.ISSUER, TestTokens.AUDIENCE, now,
                now.plus(Duration.ofHours(1)), false).sign();
    }
}
