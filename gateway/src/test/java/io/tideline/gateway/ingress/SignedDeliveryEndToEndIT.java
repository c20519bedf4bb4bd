package io.tideline.gateway.ingress;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tideline.testing.TestTokens;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * An Alchemy delivery through the gateway to the real pnl-ingest, which checks the HMAC over the bytes it receives:
 * a body in a layout no JSON library would write (spaces, a tab, escapes, an exponent) is accepted only if the gateway
 * passed it on byte for byte. Needs pnl-ingest packaged ({@code ./mvnw -pl pnl-ingest -am package -DskipTests}).
 */
@QuarkusTest
@WithTestResource(value = PnlIngestProcess.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SignedDeliveryEndToEndIT {

    @Test
    void pnlIngestVerifiesTheSignatureOverTheBytesTheGatewayForwarded() throws Exception {
        String id = "whevt_" + Long.toString(System.nanoTime(), 36);
        byte[] body = delivery(id);
        Response accepted = post(body, sign(body));
        accepted.then().statusCode(200).body("status", equalTo("accepted")).body("deliveryId", equalTo(id));

        post(body, sign(body)).then().statusCode(200).body("status", equalTo("duplicate"));

        byte[] tampered = new String(delivery("whevt_t" + Long.toString(System.nanoTime(), 36)),
                StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        String signatureOfAnother = sign(delivery("whevt_other"));
        post(tampered, signatureOfAnother).then().statusCode(401).contentType("application/problem+json");
        post(body, null).then().statusCode(401);
    }

    private static Response post(byte[] body, String signature) {
        var request = given().header("Authorization", TestTokens.NONE).contentType("application/json").body(body);
        if (signature != null) {
            request.header("X-Alchemy-Signature", signature);
        }
        return request.post("/webhooks/alchemy");
    }

    private static byte[] delivery(String id) {
        String hash = "0x" + "%064x".formatted(System.nanoTime());
        String json = "{ \"webhookId\" : \"" + PnlIngestProcess.WEBHOOK + "\",\n\t\"id\":\"" + id + "\","
                + " \"createdAt\": \"" + Instant.now() + "\", \"type\":\"ADDRESS_ACTIVITY\",\n"
                + "  \"event\": {\"network\":\"MATIC_MAINNET\", \"note\": \"caf\\u00e9\", \"activity\": [ {"
                + "\"blockNum\":\"0x3a2b1c\",\"hash\":\"" + hash + "\","
                + "\"fromAddress\":\"0x00000000000000000000000000000000000000a1\","
                + "\"toAddress\":\"0x00000000000000000000000000000000000000b2\","
                + "\"asset\":\"USDC\",\"category\":\"token\",\"value\": 1.0E0,"
                + "\"rawContract\":{\"rawValue\":\"0xf4240\","
                + "\"address\":\"0x2791bca1f2de4661ed88a30c99a7a9449aa84174\",\"decimals\":6},"
                + "\"log\":{\"address\":\"0x2791bca1f2de4661ed88a30c99a7a9449aa84174\",\"topics\":[],\"data\":\"0x\","
                + "\"blockNumber\":\"0x3a2b1c\",\"transactionHash\":\"" + hash + "\",\"transactionIndex\":\"0x1\","
                + "\"blockHash\":\"0x" + "ab".repeat(32) + "\",\"logIndex\":\"0x3\",\"removed\":false} } ] }}\r\n";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PnlIngestProcess.SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
