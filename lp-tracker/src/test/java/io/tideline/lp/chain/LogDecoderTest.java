package io.tideline.lp.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.evm.ChainLog;
import io.tideline.lp.chain.PositionLog.Burned;
import io.tideline.lp.chain.PositionLog.Collect;
import io.tideline.lp.chain.PositionLog.DecreaseLiquidity;
import io.tideline.lp.chain.PositionLog.IncreaseLiquidity;
import io.tideline.lp.chain.PositionLog.Minted;
import io.tideline.lp.chain.PositionLog.Transferred;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raw logs, laid out as the contracts emit them, decoded into the typed records the lifecycle takes. */
class LogDecoderTest {

    private static final String NPM = "0x00000000000000000000000000000000000000aa";
    private static final String POOL = "0x00000000000000000000000000000000000000cc";
    private static final String ALICE = "0x00000000000000000000000000000000000000a1";
    private static final String BOB = "0x00000000000000000000000000000000000000b0";
    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    private static final BigInteger TOKEN_ID = new BigInteger("123456789012345678901234567890");

    @Test
    void aTransferFromTheZeroAddressIsAMint() {
        assertThat(LogDecoder.decode(transfer(ZERO, ALICE, TOKEN_ID)))
                .contains(new Minted(TOKEN_ID.toString(), ALICE));
    }

    @Test
    void aTransferToTheZeroAddressIsABurn() {
        assertThat(LogDecoder.decode(transfer(ALICE, ZERO, TOKEN_ID)))
                .contains(new Burned(TOKEN_ID.toString(), ALICE));
    }

    @Test
    void aTransferBetweenOwnersNamesBoth() {
        assertThat(LogDecoder.decode(transfer(ALICE, BOB, TOKEN_ID)))
                .contains(new Transferred(TOKEN_ID.toString(), ALICE, BOB));
    }

    @Test
    void anErc20TransferIsNotAPositionLog() {
        ChainLog erc20 = log(NPM, List.of(UniswapAbi.TRANSFER, UniswapAbi.addressTopic(ALICE),
                UniswapAbi.addressTopic(BOB)), BigInteger.TEN);

        assertThat(LogDecoder.decode(erc20)).isEmpty();
    }

    @Test
    void liquidityLogsCarryLiquidityAndBothAmounts() {
        List<String> topics = List.of(UniswapAbi.uintTopic(TOKEN_ID.toString()));
        BigInteger liquidity = BigInteger.TWO.pow(127).add(BigInteger.ONE);
        BigInteger amount0 = BigInteger.TWO.pow(255).add(BigInteger.valueOf(5));
        BigInteger amount1 = BigInteger.valueOf(7);

        assertThat(LogDecoder.decode(log(NPM, with(UniswapAbi.INCREASE_LIQUIDITY, topics), liquidity, amount0,
                amount1))).contains(new IncreaseLiquidity(TOKEN_ID.toString(), liquidity, amount0, amount1));
        assertThat(LogDecoder.decode(log(NPM, with(UniswapAbi.DECREASE_LIQUIDITY, topics), liquidity, amount0,
                amount1))).contains(new DecreaseLiquidity(TOKEN_ID.toString(), liquidity, amount0, amount1));
    }

    @Test
    void aCollectNamesItsRecipient() {
        ChainLog collect = log(NPM, with(UniswapAbi.COLLECT, List.of(UniswapAbi.uintTopic("42"))),
                AbiEncoder.address(BOB), BigInteger.valueOf(11), BigInteger.valueOf(13));

        assertThat(LogDecoder.decode(collect))
                .contains(new Collect("42", BOB, BigInteger.valueOf(11), BigInteger.valueOf(13)));
    }

    @Test
    void aSwapKeepsTheSignsOfItsDeltasAndItsTick() {
        BigInteger sqrtPrice = new BigInteger("1461446703485210103287273052203988822378723970341");
        ChainLog swap = log(POOL, List.of(UniswapAbi.SWAP, UniswapAbi.addressTopic(ALICE),
                        UniswapAbi.addressTopic(BOB)), BigInteger.valueOf(-1_000), BigInteger.valueOf(2_000),
                sqrtPrice, BigInteger.valueOf(99), BigInteger.valueOf(-887_271));

        assertThat(LogDecoder.decode(swap)).contains(new Swap(POOL, BigInteger.valueOf(-1_000),
                BigInteger.valueOf(2_000), sqrtPrice, BigInteger.valueOf(99), -887_271));
    }

    @Test
    void anotherEventIsNotDecoded() {
        ChainLog approval = log(NPM, List.of(AbiEncoder.topic("Approval(address,address,uint256)"),
                UniswapAbi.addressTopic(ALICE), UniswapAbi.addressTopic(BOB), UniswapAbi.uintTopic("1")));

        assertThat(LogDecoder.decode(approval)).isEmpty();
    }

    private static ChainLog transfer(String from, String to, BigInteger tokenId) {
        return log(NPM, List.of(UniswapAbi.TRANSFER, UniswapAbi.addressTopic(from), UniswapAbi.addressTopic(to),
                UniswapAbi.uintTopic(tokenId.toString())));
    }

    private static List<String> with(String topic0, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(topic0));
        all.addAll(rest);
        return all;
    }

    private static ChainLog log(String address, List<String> topics, BigInteger... words) {
        StringBuilder data = new StringBuilder("0x");
        for (BigInteger word : words) {
            data.append(AbiEncoder.hex(AbiEncoder.word(word)).substring(2));
        }
        return new ChainLog(10, "0x" + "1".repeat(64), "0x" + "2".repeat(64), 3, address, topics, data.toString());
    }
}
