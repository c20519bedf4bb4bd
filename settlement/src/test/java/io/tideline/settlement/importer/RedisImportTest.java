package io.tideline.settlement.importer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tideline.testing.TidelineTestResources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The legacy importer against the real Redis on localhost:6379, each test under a key prefix of its own that is
 * deleted afterwards: the documented layout in, deduplicated fills out in PostgreSQL, sessions marked for 90 days.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RedisImportTest {

    private Jedis redis;
    private String prefix;
    private String alpha;
    private String beta;
    private String done;

    @BeforeAll
    static void redisRuns() {
        LocalRedis.ensureRunning();
    }

    @BeforeEach
    void legacyData() {
        redis = new Jedis(LocalRedis.URL);
        prefix = "tideline-test-" + UUID.randomUUID() + ":";
        String run = UUID.randomUUID().toString().substring(0, 8);
        alpha = "legacy-a-" + run;
        beta = "legacy-b-" + run;
        done = "legacy-c-" + run;
        redis.sadd(prefix + "mm:sessions", alpha, beta, done);
        // alpha: pairs as a comma list, epoch-millisecond times; a fill listed twice, one whose pair and side come
        // from its order, one unreadable
        redis.hset(prefix + "mm:session:" + alpha, Map.of("venue", "binance", "started_at", "1764400000000",
                "pairs", "ETH-USDC, btc-usdc"));
        redis.rpush(prefix + "mm:session:" + alpha + ":orders",
                "{\"orderId\":\"A1\",\"pair\":\"ETH-USDC\",\"side\":\"BUY\",\"price\":\"2000\",\"qty\":\"1\"}",
                "{\"orderId\":\"A2\",\"pair\":\"SOL-USDC\",\"side\":\"BUY\",\"price\":\"150\",\"qty\":\"3\"}");
        redis.rpush(prefix + "mm:session:" + alpha + ":fills",
                "{\"orderId\":\"A1\",\"tradeId\":\"T1\",\"pair\":\"ETH-USDC\",\"side\":\"BUY\",\"qty\":\"0.5\","
                        + "\"price\":\"2000\",\"fee\":\"0.2\",\"ts\":\"2026-11-29T08:00:00Z\"}",
                "{\"orderId\":\"A1\",\"tradeId\":\"T1\",\"pair\":\"ETH-USDC\",\"side\":\"BUY\",\"qty\":\"0.5\","
                        + "\"price\":\"2000\",\"fee\":\"0.2\",\"ts\":\"2026-11-29T08:00:00Z\"}",
                "{\"orderId\":\"A2\",\"tradeId\":\"T2\",\"qty\":3,\"price\":150.25,\"ts\":\"1764403600000\"}",
                "{\"orderId\":\"A9\",\"tradeId\":\"T3\",\"qty\":\"1\",\"price\":\"1\",\"ts\":\"2026-11-29T08:00:00Z\"}");
        // beta: pairs as a JSON array
        redis.hset(prefix + "mm:session:" + beta, Map.of("venue", "okx", "started_at", "2026-11-29T09:00:00Z",
                "ended_at", "2026-11-29T21:00:00Z", "pairs", "[\"BTC-USDC\"]"));
        redis.rpush(prefix + "mm:session:" + beta + ":fills",
                "{\"orderId\":\"B1\",\"tradeId\":\"U1\",\"pair\":\"BTC-USDC\",\"side\":\"SELL\",\"qty\":\"0.01\","
                        + "\"price\":\"61000\",\"fee\":\"0\",\"feeAsset\":\"USDC\",\"ts\":\"2026-11-29T10:00:00Z\"}");
        // done: imported before
        redis.hset(prefix + "mm:session:" + done, Map.of("venue", "binance", "started_at", "2026-11-01T00:00:00Z"));
        redis.set(prefix + "mm:imported:" + done, "2026-11-02T00:00:00Z");
    }

    @AfterEach
    void cleanUp() {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
            if (!page.getResult().isEmpty()) {
                redis.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        redis.close();
    }

    @Test
    void aDryRunAndStatsCountWithoutWritingAnything() {
        JsonPath stats = importRedis(Map.of("statsOnly", true));
        assertThat(stats.getInt("sessionsInRedis")).isEqualTo(3);
        assertThat(stats.getInt("sessionsAlreadyImported")).isEqualTo(1);
        assertThat(stats.getInt("sessionsPending")).isEqualTo(2);
        assertThat(stats.getInt("fillsRead")).isEqualTo(5);
        assertThat(stats.getInt("ordersRead")).isEqualTo(2);

        JsonPath dry = importRedis(Map.of("dryRun", true));
        assertThat(dry.getInt("sessionsImported")).isZero();
        assertThat(dry.getInt("fillsRead")).isEqualTo(5);
        assertThat(dry.getInt("duplicatesInRedis")).isEqualTo(1);
        assertThat(dry.getInt("fillsInvalid")).isEqualTo(1);
        assertThat(dry.getList("pairs")).containsExactly("BTC-USDC", "ETH-USDC", "SOL-USDC");
        assertThat(dry.getString("problems[0]")).contains("T3").doesNotContain("null");

        given().when().get("/api/v1/sessions/" + alpha).then().statusCode(404);
        assertThat(redis.exists(prefix + "mm:imported:" + alpha)).isFalse();
    }

    @Test
    void importsPendingSessionsOnceWithDeduplicatedFillsAndMarksThemForNinetyDays() {
        JsonPath first = importRedis(Map.of("limit", 1));
        assertThat(first.getInt("sessionsImported")).isEqualTo(1);
        assertThat(first.getInt("fillsInserted")).isEqualTo(2);
        assertThat(first.getString("sessions.find { it.outcome == 'imported' }.sessionId")).isEqualTo(alpha);

        JsonPath session = given().when().get("/api/v1/sessions/" + alpha).then().statusCode(200).extract().jsonPath();
        assertThat(session.getInt("session.fills")).isEqualTo(2);
        assertThat(session.getList("session.pairs")).containsExactly("BTC-USDC", "ETH-USDC", "SOL-USDC");
        assertThat(session.getString("session.source")).isEqualTo("redis");
        assertThat(session.getString("session.startedAt")).isEqualTo("2025-11-29T07:06:40Z");
        given().queryParam("sessionId", alpha).queryParam("pair", "SOL-USDC").when().get("/api/v1/positions")
                .then().statusCode(200).body("[0].quantity", equalTo("3")).body("[0].entryPrice", equalTo("150.25"));
        long ttl = redis.ttl(prefix + "mm:imported:" + alpha);
        assertThat(Duration.ofSeconds(ttl)).isBetween(Duration.ofDays(89), Duration.ofDays(90));

        JsonPath second = importRedis(Map.of());
        assertThat(second.getInt("sessionsAlreadyImported")).isEqualTo(2);
        assertThat(second.getInt("sessionsImported")).isEqualTo(1);
        assertThat(second.getInt("fillsInserted")).isEqualTo(1);
        given().when().get("/api/v1/sessions/" + beta).then().statusCode(200)
                .body("session.venue", equalTo("okx")).body("session.endedAt", equalTo("2026-11-29T21:00:00Z"));

        // the marker gone (expired), the same data imported again adds nothing
        redis.del(prefix + "mm:imported:" + alpha);
        JsonPath again = importRedis(Map.of("sessionId", alpha));
        assertThat(again.getInt("sessionsImported")).isEqualTo(1);
        assertThat(again.getInt("fillsInserted")).isZero();
        assertThat(again.getInt("fillsAlreadyRecorded")).isEqualTo(2);
        given().when().get("/api/v1/sessions/" + alpha).then().body("session.fills", equalTo(2));
    }

    @Test
    void refusesABadLimitOrPrefixNamingIt() {
        given().contentType(ContentType.JSON).body(Map.of("limit", 0, "keyPrefix", prefix)).when()
                .post("/api/v1/import/redis").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().contentType(ContentType.JSON).body(Map.of("keyPrefix", "bad prefix*")).when()
                .post("/api/v1/import/redis").then().statusCode(400).body("errors[0].field", equalTo("keyPrefix"));
    }

    private JsonPath importRedis(Map<String, Object> options) {
        Map<String, Object> body = new java.util.HashMap<>(options);
        body.put("keyPrefix", prefix);
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/import/redis").then()
                .statusCode(200).extract().jsonPath();
    }
}
