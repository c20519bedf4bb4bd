package io.tideline.lp.chain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.testing.TestChain;
import io.tideline.testing.TidelineTestResources;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The node followed is shown by scheme, host and port: the key in its URL's path never is. */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ChainTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SyncStatusOnChainTest {

    private static final String KEY = ChainTestResource.KEY_PATH.substring(1);

    @Test
    void theSyncStatusNamesTheNodeByHostOnly() {
        String node = TestChain.shared().rpcUrl();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/lp/sync").then()
                .statusCode(200).body("node", Matchers.equalTo(node)).body("state", Matchers.oneOf("FOLLOWING",
                        "CATCHING_UP")));

        assertThat(given().get("/api/v1/lp/sync").asString()).doesNotContain(KEY);
    }

    @Test
    void readinessNamesTheNodeByHostOnly() {
        String node = TestChain.shared().rpcUrl();
        String ready = given().get("/q/health/ready").then().statusCode(200).extract().asString();

        assertThat(ready).contains("\"node\": \"" + node + "\"").doesNotContain(KEY);
    }
}
