package io.tideline.stark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The examples Extended publishes: the hashing tests of x10xchange rust-crypto-lib-base ({@code starknet_messages.rs})
 * and the signed orders of x10xchange python_sdk ({@code tests/perpetual/test_order_object.py}, whose order {@code id}
 * is the hash the settlement signature covers).
 */
class ExtendedPublishedVectorsTest {

    private static BigInteger dec(String s) {
        return new BigInteger(s);
    }

    private static BigInteger hex(String s) {
        return StarkField.feltFromHex(s);
    }

    @Test
    void domainTypeHashIsExtendeds() {
        assertThat(Snip12Domain.TYPE.typeHash(java.util.List.of()))
                .isEqualTo(hex("0x1ff2f602e42168014d405a94f75e8a93d640751d71d16311266e140d8b0a210"));
    }

    @Test
    void sepoliaDomainHashIsExtendeds() {
        assertThat(ExtendedOrderHash.domain(StarknetChain.SN_SEPOLIA).hash())
                .isEqualTo(dec("2788850828067604540663615870177667078542240404906059806659101905868929188327"));
    }

    @Test
    void orderTypeHashIsExtendeds() {
        assertThat(ExtendedOrderHash.ORDER_TYPE_HASH)
                .isEqualTo(hex("0x36da8d51815527cabfaa9c982f564c80fa7429616739306036f1f9b608dd112"));
    }

    private static ExtendedOrder oneToNine() {
        return new ExtendedOrder(1, BigInteger.TWO, 3, BigInteger.valueOf(4), 5, BigInteger.valueOf(6), 7, 8,
                BigInteger.valueOf(9));
    }

    @Test
    void orderStructHashIsExtendeds() {
        assertThat(ExtendedOrderHash.structHash(oneToNine()))
                .isEqualTo(dec("1329353150252109345267997901008558234696410103652961347079636617692652241760"));
    }

    @Test
    void orderMessageHashIsExtendeds() {
        BigInteger userKey = dec("1528491859474308181214583355362479091084733880193869257167008343298409336538");
        assertThat(ExtendedOrderHash.messageHash(oneToNine(), StarknetChain.SN_SEPOLIA, userKey))
                .isEqualTo(dec("2788960362996410178586013462192086205585543858281504820767681025777602529597"));
    }

    private static final BigInteger SDK_PRIVATE_KEY =
            hex("0x7a7ff6fd3cab02ccdcd4a572563f5976f8976899b03a39773795a3c486d4986");
    private static final BigInteger SDK_STARK_KEY =
            hex("0x61c5e7e8339b7d56f197f54ea91b776776690e3232313de0f2ecbd0ef76f466");

    @Test
    void sdkAccountsStarkKeyIsDerivedFromItsPrivateKey() {
        assertThat(StarkEcdsa.starkKey(SDK_PRIVATE_KEY)).isEqualTo(SDK_STARK_KEY);
    }

    @Test
    void sdkOrderSignaturesAreReproducedBitForBit() {
        assertSdkSignature("2096045681239655445582070517240411138302380632690430411530650608228763263945",
                "0x39ff8493e8e26c9a588a7046e1380b6e1201287a179e10831b7040d3efc26d",
                "0x5c9acd1879bf8d43e4ccd14648186d2a9edf387fe1b61e491fe0a539de3272b");
        assertSdkSignature("2656406151911156282898770907232061209407892373872976831396563134482995247110",
                "0x5766fe0420270feadb55cd6d89cedba0bb8cbd3847fca73d27fe78b0c499b48",
                "0xc8456b2db2060d25990471f22cae59bed86d51e508812455458f0464cc5867");
        assertSdkSignature("1166889461421716582054747865777410838520755143669870072976787470981175645302",
                "0x52a42b6cb980b552c08d5d01b86852b64f7468f5ed7430133f0e2ea1b53df0",
                "0x67287f8aca9f96bc0fa58e5f0f6875e52f869fc392d912145ff9cb16b73a666");
    }

    private static void assertSdkSignature(String orderId, String r, String s) {
        BigInteger hash = dec(orderId);
        StarkSignature signature = StarkEcdsa.sign(SDK_PRIVATE_KEY, hash);
        assertThat(signature.rHex()).isEqualTo(r);
        assertThat(signature.sHex()).isEqualTo(s);
        assertThat(StarkEcdsa.verify(SDK_STARK_KEY, hash, signature)).isTrue();
        assertThat(StarkEcdsa.verify(SDK_STARK_KEY, hash.add(BigInteger.ONE), signature)).isFalse();
    }
}
