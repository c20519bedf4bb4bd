package io.tideline.lp.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.service.security.Roles;
import io.tideline.testing.TestTokens;
import io.tideline.testing.TidelineTestResources;
import org.junit.jupiter.api.Test;

/** The wallet and position endpoints' answers to good and bad input (no chain: the follower is not configured). */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WalletAndPositionApiTest {

    // EIP-55's own test vector (eips.ethereum.org/EIPS/eip-55): a valid mixed-case checksum.
    private static final String CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    @Test
    void watchesAWalletOnceAndForgetsIt() {
        given().contentType("application/json").body("{\"address\":\"" + CHECKSUMMED + "\",\"label\":\"desk\"}")
                .when().post("/api/v1/lp/wallets")
                .then().statusCode(201).body("address", equalTo(CHECKSUMMED.toLowerCase()));
        given().get("/api/v1/lp/wallets").then().statusCode(200).body("address", hasItem(CHECKSUMMED.toLowerCase()));
        given().contentType("application/json").body("{\"address\":\"" + CHECKSUMMED.toLowerCase() + "\"}")
                .when().post("/api/v1/lp/wallets")
                .then().statusCode(409).contentType("application/problem+json");
        given().delete("/api/v1/lp/wallets/" + CHECKSUMMED).then().statusCode(204);
        given().delete("/api/v1/lp/wallets/" + CHECKSUMMED).then().statusCode(404);
    }

    @Test
    void onlyAnAdminChangesTheWatchedWallets() {
        String address = "0x00000000000000000000000000000000000000a1";
        given().header("Authorization", TestTokens.bearer(Roles.TRADER)).contentType("application/json")
                .body("{\"address\":\"" + address + "\",\"backfillFromBlock\":0}")
                .when().post("/api/v1/lp/wallets")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.VIEWER)).get("/api/v1/lp/wallets")
                .then().statusCode(200).body("address", not(hasItem(address)));
        given().contentType("application/json").body("{\"address\":\"" + address + "\"}")
                .when().post("/api/v1/lp/wallets").then().statusCode(201);
        given().header("Authorization", TestTokens.bearer(Roles.TRADER)).delete("/api/v1/lp/wallets/" + address)
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.VIEWER)).get("/api/v1/lp/wallets")
                .then().statusCode(200).body("address", hasItem(address));
        given().delete("/api/v1/lp/wallets/" + address).then().statusCode(204);
    }

    @Test
    void aBadChecksumIsNamed() {
        String broken = CHECKSUMMED.replace("aAeb", "aaEb");
        given().contentType("application/json").body("{\"address\":\"" + broken + "\"}")
                .when().post("/api/v1/lp/wallets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("address"));
        given().contentType("application/json").body("{\"address\":\"0x1234\"}")
                .when().post("/api/v1/lp/wallets")
                .then().statusCode(400).body("errors.field", hasItem("address"));
        given().contentType("application/json").body("{\"address\":\"" + CHECKSUMMED + "\",\"backfillFromBlock\":-1}")
                .when().post("/api/v1/lp/wallets")
                .then().statusCode(400).body("errors.field", hasItem("backfillFromBlock"));
    }

    @Test
    void anUnknownPositionIsNotFoundAndFiltersAreChecked() {
        given().get("/api/v1/lp/positions/987654321").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/lp/positions/12abc").then().statusCode(400).body("errors.field", hasItem("tokenId"));
        given().get("/api/v1/lp/positions?status=OPENED").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().get("/api/v1/lp/positions?owner=0xnothex").then().statusCode(400)
                .body("errors.field", hasItem("owner"));
        given().get("/api/v1/lp/positions?status=closed").then().statusCode(200);
    }

    @Test
    void saysWhyItDoesNotFollowAChain() {
        given().get("/api/v1/lp/sync").then().statusCode(200)
                .body("state", equalTo("DISABLED"));
    }
}
