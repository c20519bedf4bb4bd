package io.tideline.lp.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.amm.LiquidityAmounts;
import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import io.tideline.testing.TidelineTestResources;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/amm/position-amounts: the wiring (parsing, price from sqrtPriceX96 or tick, strings out) and the
 * problem+json answers. The math itself is pinned to Uniswap's vectors in shared-amm; the expected amounts here come
 * from that library, so these tests check the endpoint answers exactly what it computes.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AmmResourceTest {

    private static final BigInteger Q96 = BigInteger.ONE.shiftLeft(96);

    @Test
    void inRangeAmountsAtPriceOne() {
        TokenAmounts expected = LiquidityAmounts.getAmountsForLiquidity(Q96, TickMath.getSqrtRatioAtTick(-953),
                TickMath.getSqrtRatioAtTick(953), BigInteger.valueOf(2148));
        given().contentType("application/json")
                .body("{\"sqrtPriceX96\":\"" + Q96 + "\",\"tickLower\":-953,\"tickUpper\":953,"
                        + "\"liquidity\":\"2148\"}")
                .when().post("/api/v1/amm/position-amounts")
                .then().statusCode(200)
                .body("amount0", equalTo(expected.amount0().toString()))
                .body("amount1", equalTo(expected.amount1().toString()));
    }

    @Test
    void belowTheRangeEverythingIsToken0() {
        TokenAmounts expected = LiquidityAmounts.getAmountsForLiquidity(TickMath.getSqrtRatioAtTick(-1000),
                TickMath.getSqrtRatioAtTick(-953), TickMath.getSqrtRatioAtTick(953), BigInteger.valueOf(2148));
        given().contentType("application/json")
                .body("{\"tick\":-1000,\"tickLower\":-953,\"tickUpper\":953,\"liquidity\":\"2148\"}")
                .when().post("/api/v1/amm/position-amounts")
                .then().statusCode(200)
                .body("amount1", equalTo("0"))
                .body("amount0", equalTo(expected.amount0().toString()))
                .body("sqrtPriceX96", equalTo(TickMath.getSqrtRatioAtTick(-1000).toString()));
    }

    @Test
    void tickLowerNotBelowTickUpperIsNamed() {
        problem("{\"tick\":0,\"tickLower\":60,\"tickUpper\":60,\"liquidity\":\"1\"}", "tickLower");
    }

    @Test
    void tickOutOfRangeIsNamed() {
        problem("{\"tick\":0,\"tickLower\":-887273,\"tickUpper\":60,\"liquidity\":\"1\"}", "tickLower");
    }

    @Test
    void liquidityMustBeADecimalString() {
        problem("{\"tick\":0,\"tickLower\":-60,\"tickUpper\":60,\"liquidity\":\"-5\"}", "liquidity");
        problem("{\"tick\":0,\"tickLower\":-60,\"tickUpper\":60,\"liquidity\":\"340282366920938463463374607431768211456\"}",
                "liquidity");
    }

    @Test
    void priceIsRequiredOnce() {
        problem("{\"tickLower\":-60,\"tickUpper\":60,\"liquidity\":\"1\"}", "sqrtPriceX96");
        problem("{\"sqrtPriceX96\":\"1\",\"tickLower\":-60,\"tickUpper\":60,\"liquidity\":\"1\"}", "sqrtPriceX96");
    }

    private static void problem(String body, String field) {
        given().contentType("application/json").body(body)
                .when().post("/api/v1/amm/position-amounts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
