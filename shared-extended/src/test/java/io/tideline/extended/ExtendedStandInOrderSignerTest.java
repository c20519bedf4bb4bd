package io.tideline.extended;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.events.TradeSide;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The stand-in settlement: an HMAC of the canonical order fields, deterministic and clearly not a Stark key. */
class ExtendedStandInOrderSignerTest {

    private static final byte[] KEY = "stand-in-key".getBytes(StandardCharsets.UTF_8);
    private static final ExtendedMarket ETH_USD = new ExtendedMarket("ETH-USD", new BigDecimal("0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.1"), "0x4554482d3400000000000000000000", 10_000L, "0x1",
            1_000_000L);
    private static final SignableOrder ORDER = new SignableOrder(ETH_USD, TradeSide.SELL, new BigDecimal("0.500"),
            new BigDecimal("3064.3"), new BigDecimal("0.0005"), 1_473_459_052L,
            Instant.parse("2024-05-20T09:00:00Z"));

    private final StandInOrderSigner signer = new StandInOrderSigner(KEY, 100_042L);

    @Test
    void signsTheCanonicalFieldsWithHmacSha256() throws Exception {
        OrderSettlement settlement = signer.sign(ORDER);

        String fields = "ETH-USD|SELL|0.500|3064.3|0.0005|1473459052|1716195600000";
        assertThat(settlement.signatureR()).isEqualTo(hmacHex("r|" + fields));
        assertThat(settlement.signatureS()).isEqualTo(hmacHex("s|" + fields));
        assertThat(settlement.collateralPosition()).isEqualTo("100042");
    }

    @Test
    void marksItselfWithTheStandInKey() {
        assertThat(signer.sign(ORDER).starkKey())
                .isEqualTo(StandInOrderSigner.STAND_IN_STARK_KEY)
                .isEqualTo("0x746964656c696e652d7374616e642d696e");
    }

    @Test
    void sameOrderSameSignatureAndAnyChangedFieldAnother() {
        SignableOrder otherPrice = new SignableOrder(ETH_USD, TradeSide.SELL, new BigDecimal("0.500"),
                new BigDecimal("3064.4"), new BigDecimal("0.0005"), 1_473_459_052L,
                Instant.parse("2024-05-20T09:00:00Z"));
        SignableOrder otherNonce = new SignableOrder(ETH_USD, TradeSide.SELL, new BigDecimal("0.500"),
                new BigDecimal("3064.3"), new BigDecimal("0.0005"), 1_473_459_053L,
                Instant.parse("2024-05-20T09:00:00Z"));

        assertThat(new StandInOrderSigner(KEY, 100_042L).sign(ORDER)).isEqualTo(signer.sign(ORDER));
        assertThat(signer.sign(otherPrice).signatureR()).isNotEqualTo(signer.sign(ORDER).signatureR());
        assertThat(signer.sign(otherNonce).signatureR()).isNotEqualTo(signer.sign(ORDER).signatureR());
    }

    @Test
    void verifiesItsOwnSettlementOnlyForTheSignedOrder() {
        OrderSettlement settlement = signer.sign(ORDER);
        SignableOrder buy = new SignableOrder(ETH_USD, TradeSide.BUY, ORDER.quantity(), ORDER.price(),
                ORDER.maxFeeRate(), ORDER.nonce(), ORDER.expiresAt());

        assertThat(signer.verifies(ORDER, settlement)).isTrue();
        assertThat(signer.verifies(buy, settlement)).isFalse();
        assertThat(new StandInOrderSigner("other-key".getBytes(StandardCharsets.UTF_8), 100_042L)
                .verifies(ORDER, settlement)).isFalse();
    }

    private static String hmacHex(String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return "0x" + HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
