package io.tideline.lp.api;

import io.tideline.amm.AmmMathException;
import io.tideline.amm.LiquidityAmounts;
import io.tideline.amm.TickMath;
import io.tideline.amm.TokenAmounts;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pure Uniswap v3 calculations, no chain involved. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/amm")
@Tag(name = "AMM math")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AmmResource {

    @Schema(description = "A position to value: the pool price as sqrtPriceX96 (a uint160) or as a tick, its range and"
            + " its liquidity. Integers as decimal strings.")
    public record PositionAmountsRequest(
            @Schema(description = "Q64.96 sqrt price, decimal string; give this or tick", example = "3961408125713216879677197")
            String sqrtPriceX96,
            @Schema(description = "Pool tick; give this or sqrtPriceX96", example = "-198080") Integer tick,
            @Schema(required = true, example = "-201060") Integer tickLower,
            @Schema(required = true, example = "-195060") Integer tickUpper,
            @Schema(required = true, description = "uint128, decimal string", example = "1000000000000000000")
            String liquidity) {
    }

    @Schema(description = "Token amounts the liquidity represents at that price, rounded down as Uniswap's"
            + " LiquidityAmounts.getAmountsForLiquidity does, in raw units (no decimals), decimal strings.")
    public record PositionAmounts(String amount0, String amount1, String sqrtPriceX96) {
    }

    @RolesAllowed(Roles.VIEWER)
    @POST
    @Path("/position-amounts")
    @Operation(summary = "Token amounts of a liquidity position at a price",
            description = "LiquidityAmounts.getAmountsForLiquidity(sqrtPriceX96, getSqrtRatioAtTick(tickLower),"
                    + " getSqrtRatioAtTick(tickUpper), liquidity). Errors are problem+json naming the field.")
    public PositionAmounts positionAmounts(PositionAmountsRequest request) {
        if (request == null) {
            throw ProblemException.badField("body", "a JSON object is required");
        }
        int lower = tick("tickLower", request.tickLower());
        int upper = tick("tickUpper", request.tickUpper());
        if (lower >= upper) {
            throw ProblemException.badField("tickLower", "must be below tickUpper (" + lower + " >= " + upper + ")");
        }
        BigInteger liquidity = uint("liquidity", request.liquidity(), 128);
        BigInteger sqrtPrice;
        if (request.sqrtPriceX96() != null && request.tick() != null) {
            throw ProblemException.badField("tick", "give either sqrtPriceX96 or tick, not both");
        } else if (request.sqrtPriceX96() != null) {
            sqrtPrice = uint("sqrtPriceX96", request.sqrtPriceX96(), 160);
            if (sqrtPrice.compareTo(TickMath.MIN_SQRT_RATIO) < 0 || sqrtPrice.compareTo(TickMath.MAX_SQRT_RATIO) >= 0) {
                throw ProblemException.badField("sqrtPriceX96", "must be in [" + TickMath.MIN_SQRT_RATIO + ", "
                        + TickMath.MAX_SQRT_RATIO + ") ('R')");
            }
        } else if (request.tick() != null) {
            sqrtPrice = TickMath.getSqrtRatioAtTick(tick("tick", request.tick()));
        } else {
            throw ProblemException.badField("sqrtPriceX96", "give sqrtPriceX96 or tick");
        }
        try {
            TokenAmounts amounts = LiquidityAmounts.getAmountsForLiquidity(sqrtPrice,
                    TickMath.getSqrtRatioAtTick(lower), TickMath.getSqrtRatioAtTick(upper), liquidity);
            return new PositionAmounts(amounts.amount0().toString(), amounts.amount1().toString(),
                    sqrtPrice.toString());
        } catch (AmmMathException e) {
            throw ProblemException.badField("liquidity", e.getMessage());
        }
    }

    private static int tick(String field, Integer tick) {
        if (tick == null) {
            throw ProblemException.badField(field, "is required");
        }
        if (tick < TickMath.MIN_TICK || tick > TickMath.MAX_TICK) {
            throw ProblemException.badField(field, "must be in [" + TickMath.MIN_TICK + ", " + TickMath.MAX_TICK
                    + "], was " + tick + " ('T')");
        }
        return tick;
    }

    private static BigInteger uint(String field, String value, int bits) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, "is required");
        }
        if (!value.chars().allMatch(ch -> ch >= '0' && ch <= '9') || value.length() > 80) {
            throw ProblemException.badField(field, "must be a non-negative decimal integer string, was '" + value
                    + "'");
        }
        BigInteger n = new BigInteger(value);
        if (n.bitLength() > bits) {
            throw ProblemException.badField(field, "does not fit in a uint" + bits);
        }
        return n;
    }
}
