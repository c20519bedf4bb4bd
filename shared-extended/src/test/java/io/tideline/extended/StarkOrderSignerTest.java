package io.tideline.extended;

import io.tideline.events.TradeSide;
import io.tideline.stark.ExtendedOrder;
import io.tideline.stark.ExtendedOrderHash;
import io.tideline.stark.StarkEcdsa;
import io.tideline.stark.StarkSignature;
import io.tideline.stark.StarknetChain;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StarkOrderSignerTest {

    private static final ExtendedMarket ETH_USD = new ExtendedMarket("ETH-USD", new BigDecimal("0.0001"),
            new BigDecimal("0.0001"), new BigDecimal("0.01"), "0x4554482d3600000000000000000000", 1_000_000L, "0x1",
            1_000_000L);
    private static final String KEY = "0x3c1e9550e66958296d11b60f8e8e7a7ad990d07fa65d5f7652c4a6c87d4e3cc";
    private static final Instant EXPIRES = Instant.ofEpochMilli(1_700_000_000_500L);

    private static SignableOrder order(TradeSide side, String price) {
        return new SignableOrder(ETH_USD, side, new BigDecimal("0.0123456"), new BigDecimal(price),
                new BigDecimal("0.0005"), 1_234_567L, EXPIRES);
    }

    @Test
    void aBuyIsScaledUpAndSignsBaseInAndQuoteOut() {
        ExtendedOrder o = StarkOrderSigner.starkOrder(order(TradeSide.BUY, "2500.55"), 7);
        // 0.0123456 × 1e6 = 12345.6 → 12346; 0.0123456 × 2500.55 = 30.87079008 → ×1e6 = 30870790.08 → 30870791
        assertThat(o.baseAmount()).isEqualTo(12_346L);
        assertThat(o.quoteAmount()).isEqualTo(-30_870_791L);
        // fee: 30870790.08 × 0.0005 = 15435.39504 → up: 15436
        assertThat(o.feeAmount()).isEqualTo(15_436L);
        // ceil(1,700,000,000.5) + 14 days = 1,700,000,001 + 1,209,600
        assertThat(o.expirationSeconds()).isEqualTo(1_701_209_601L);
        assertThat(o.salt()).isEqualTo(BigInteger.valueOf(1_234_567L));
        assertThat(o.positionId()).isEqualTo(7);
        assertThat(o.baseAssetId()).isEqualTo(new BigInteger("4554482d3600000000000000000000", 16));
        assertThat(o.quoteAssetId()).isEqualTo(BigInteger.ONE).isEqualTo(o.feeAssetId());
    }

    @Test
    void aSellIsScaledDownAndSignsBaseOutAndQuoteIn() {
        ExtendedOrder o = StarkOrderSigner.starkOrder(order(TradeSide.SELL, "2500.55"), 7);
        assertThat(o.baseAmount()).isEqualTo(-12_345L);
        assertThat(o.quoteAmount()).isEqualTo(30_870_790L);
        assertThat(o.feeAmount()).isEqualTo(15_436L); // the fee always rounds up
    }

    @Test
    void theSettlementIsAStarkSignatureOfExtendedsOrderHashThatVerifies() {
        StarkOrderSigner signer = StarkOrderSigner.fromHex(KEY, 7, StarknetChain.SN_SEPOLIA);
        SignableOrder order = order(TradeSide.SELL, "2500.55");

        OrderSettlement s = signer.sign(order);

        BigInteger starkKey = StarkEcdsa.starkKey(new BigInteger(KEY.substring(2), 16));
        assertThat(s.starkKey()).isEqualTo("0x" + starkKey.toString(16));
        assertThat(s.collateralPosition()).isEqualTo("7");
        BigInteger hash = ExtendedOrderHash.messageHash(StarkOrderSigner.starkOrder(order, 7), StarknetChain.SN_SEPOLIA,
                starkKey);
        StarkSignature signature = new StarkSignature(new BigInteger(s.signatureR().substring(2), 16),
                new BigInteger(s.signatureS().substring(2), 16));
        assertThat(StarkEcdsa.verify(starkKey, hash, signature)).isTrue();
        // deterministic (RFC 6979), and bound to every field: another price, another chain, another signature
        assertThat(signer.sign(order)).isEqualTo(s);
        assertThat(signer.sign(order(TradeSide.SELL, "2500.56")).signatureR()).isNotEqualTo(s.signatureR());
        assertThat(StarkOrderSigner.fromHex(KEY, 7, StarknetChain.SN_MAIN).sign(order).signatureR())
                .isNotEqualTo(s.signatureR());
    }

    @Test
    void neverShowsItsPrivateKeyAndRefusesABadOne() {
        StarkOrderSigner signer = StarkOrderSigner.fromHex(KEY, 7, StarknetChain.SN_MAIN);
        assertThat(signer.toString()).doesNotContain(KEY.substring(2)).contains(signer.starkKeyHex());
        assertThatThrownBy(() -> StarkOrderSigner.fromHex("0xnot-hex-" + "secret", 7, StarknetChain.SN_MAIN,
                "tideline.perp.extended.stark-private-key"))
                .hasMessage("tideline.perp.extended.stark-private-key must be a 0x-hex number")
                .message().doesNotContain("secret");
        assertThatThrownBy(() -> StarkOrderSigner.fromHex("0x0", 7, StarknetChain.SN_MAIN))
                .hasMessage("the Stark private key must be above 0");
    }
}
