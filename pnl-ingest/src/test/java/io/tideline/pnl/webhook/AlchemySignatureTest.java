package io.tideline.pnl.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AlchemySignatureTest {

    /** RFC 4231, test case 2 (HMAC-SHA-256): key "Jefe", data "what do ya want for nothing?". */
    private static final String RFC_4231_CASE_2 =
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    private static final byte[] DATA = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAsLowerCaseHexHmacSha256OfTheRawBody() {
        assertThat(new AlchemySignature("Jefe").sign(DATA)).isEqualTo(RFC_4231_CASE_2);
    }

    @Test
    void verifiesTheRightSignatureInEitherHexCase() {
        AlchemySignature signature = new AlchemySignature("Jefe");
        assertThat(signature.verifies(DATA, RFC_4231_CASE_2)).isTrue();
        assertThat(signature.verifies(DATA, RFC_4231_CASE_2.toUpperCase())).isTrue();
    }

    @Test
    void refusesAWrongMissingOrTruncatedSignature() {
        AlchemySignature signature = new AlchemySignature("Jefe");
        assertThat(signature.verifies(DATA, null)).isFalse();
        assertThat(signature.verifies(DATA, "")).isFalse();
        assertThat(signature.verifies(DATA, RFC_4231_CASE_2.substring(0, 63))).isFalse();
        assertThat(signature.verifies(DATA, "sha256=" + RFC_4231_CASE_2)).isFalse();
        assertThat(new AlchemySignature("jefe").verifies(DATA, RFC_4231_CASE_2)).isFalse();
        assertThat(signature.verifies("what do ya want for nothing!".getBytes(StandardCharsets.UTF_8),
                RFC_4231_CASE_2)).isFalse();
    }
}
