package io.tideline.lp.position;

import io.tideline.events.lp.LpValued;
import io.tideline.events.lp.TokenRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tracked position as the API shows it: where it is, its running totals and its latest valuation. */
@Schema(description = "An LP position of a watched wallet. Token amounts are raw integers (no decimals) as decimal"
        + " strings, to be scaled by token0.decimals and token1.decimals; costToken1 is what the deposits were worth"
        + " in whole token1 units when each was made.")
public record PositionView(
        @Schema(description = "The NFT's token id, decimal string", example = "1") String tokenId,
        long chainId,
        String positionManager,
        @Schema(description = "chainId:positionManager:tokenId, the key of its events on lp.positions") String key,
        String owner,
        PositionStatus status,
        String pool,
        @Schema(description = "The pool's token0: address, symbol and decimals (divide raw amounts by 10^decimals)")
        TokenRef token0,
        @Schema(description = "The pool's token1; prices and costToken1 are in it") TokenRef token1,
        @Schema(description = "The pool's fee in hundredths of a basis point (3000 = 0.3 %)", example = "3000") Integer fee,
        int tickLower,
        int tickUpper,
        BigInteger liquidity,
        BigInteger deposited0,
        BigInteger deposited1,
        BigDecimal costToken1,
        BigInteger withdrawn0,
        BigInteger withdrawn1,
        BigInteger feesCollected0,
        BigInteger feesCollected1,
        boolean burned,
        long openedBlock,
        @Schema(description = "The block that closed it; absent while it is open") Long closedBlock,
        @Schema(description = "The latest LpValued; absent until it is first valued") LpValued valuation) {
}
