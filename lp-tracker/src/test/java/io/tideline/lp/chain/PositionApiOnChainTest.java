package io.tideline.lp.chain;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tideline.testing.ChainDeployment;
import io.tideline.testing.TidelineTestResources;
import io.tideline.testing.uniswap.UniswapDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The position API's JSON as clients read it: field names, amounts and ids as strings, blocks and ticks as numbers,
 * absent fields left out (not null), the valuation and each fact's payload as published.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = ChainTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PositionApiOnChainTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aPositionAndItsHistoryKeepTheirJsonShape() {
        ChainFixture fx = new ChainFixture();
        int c = fx.centerTick();
        UniswapDriver.LiquidityChange minted = fx.mint(c - 1320, c + 1380);
        fx.settle();
        String tokenId = minted.tokenId().toString();
        String manager = fx.deployment.contracts().positionManager().toLowerCase(Locale.ROOT);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/lp/positions/" + tokenId).then()
                .statusCode(200).body("valuation.blockNumber", org.hamcrest.Matchers.notNullValue()));
        Map<String, Object> position = given().get("/api/v1/lp/positions/" + tokenId).then().extract().jsonPath()
                .getMap("");
        assertThat(position.keySet()).containsExactlyInAnyOrder("tokenId", "chainId", "positionManager", "key",
                "owner", "status", "pool", "token0", "token1", "fee", "tickLower", "tickUpper", "liquidity", "deposited0", "deposited1",
                "costToken1", "withdrawn0", "withdrawn1", "feesCollected0", "feesCollected1", "burned", "openedBlock",
                "valuation");
        assertThat(position).containsEntry("tokenId", tokenId).containsEntry("chainId", (int) fx.chain.chainId())
                .containsEntry("positionManager", manager).containsEntry("key", fx.key(minted.tokenId()))
                .containsEntry("owner", fx.owner.toLowerCase(Locale.ROOT)).containsEntry("status", "ACTIVE")
                .containsEntry("tickLower", c - 1320).containsEntry("liquidity", minted.liquidity().toString())
                .containsEntry("deposited0", minted.amount0().toString())
                .containsEntry("withdrawn0", "0").containsEntry("burned", false)
                .containsEntry("openedBlock", (int) minted.blockNumber());
        assertThat(position.get("costToken1")).isInstanceOf(String.class);
        // The pool's tokens as the deployment made them (TWETH 18 decimals, TUSDC 6), in the pool's order.
        boolean wethFirst = fx.deployment.wethIsToken0();
        assertThat(position.get("token0")).isEqualTo(wethFirst ? token("TWETH", fx.deployment.tokens().weth())
                : token("TUSDC", fx.deployment.tokens().usdc()));
        assertThat(position.get("token1")).isEqualTo(wethFirst ? token("TUSDC", fx.deployment.tokens().usdc())
                : token("TWETH", fx.deployment.tokens().weth()));
        assertThat(position).containsEntry("fee", UniswapDriver.FEE);
        @SuppressWarnings("unchecked")
        Map<String, Object> valuation = (Map<String, Object>) position.get("valuation");
        assertThat(valuation.get("amount0")).isInstanceOf(String.class);
        assertThat(valuation.get("price")).isInstanceOf(String.class);
        assertThat(valuation.get("tick")).isInstanceOf(Integer.class);
        assertThat(Instant.parse((String) valuation.get("valuedAt"))).isNotNull();
        assertThat(valuation.get("position")).isEqualTo(Map.of("chainId", (int) fx.chain.chainId(),
                "positionManager", manager, "tokenId", tokenId));

        JsonPath history = given().get("/api/v1/lp/positions/" + tokenId + "/history").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> facts = history.getList("");
        assertThat(facts).isNotEmpty();
        Map<String, Object> mint = facts.get(0);
        assertThat(mint.keySet()).containsExactlyInAnyOrder("eventId", "type", "blockNumber", "blockHash", "txHash",
                "logIndex", "blockTime", "payload");
        assertThat(mint).containsEntry("type", "LpMinted").containsEntry("txHash", minted.txHash())
                .containsEntry("blockNumber", (int) minted.blockNumber());
        assertThat(Instant.parse((String) mint.get("blockTime"))).isNotNull();
        assertThat(history.getString("[0].payload.liquidity")).isEqualTo(minted.liquidity().toString());
        assertThat(history.getString("[0].payload.at.txHash")).isEqualTo(minted.txHash());

        assertThat(given().queryParam("owner", fx.owner).queryParam("status", "active").get("/api/v1/lp/positions")
                .then().statusCode(200).extract().jsonPath().getList("tokenId", String.class)).contains(tokenId);
    }

    private static Map<String, Object> token(String symbol, ChainDeployment.Token token) {
        return Map.of("address", token.address().toLowerCase(Locale.ROOT), "symbol", symbol, "decimals",
                token.decimals());
    }
}
