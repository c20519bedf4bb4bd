package io.tideline.gateway.auth;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tideline.gateway.GatewayTestResources;
import io.tideline.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = GatewayTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApiKeyTest {

    @Test
    void aKeyIsShownOnceAndListedWithoutItselfButWithItsLastUse() {
        Response made = create("ledger exporter", "viewer");
        String key = made.jsonPath().getString("key");
        String id = made.jsonPath().getString("apiKey.id");
        assertThat(key).startsWith("tlk_").hasSize(47);
        assertThat(made.jsonPath().getString("apiKey.prefix")).isEqualTo(key.substring(0, 10));
        assertThat(made.jsonPath().getString("apiKey.createdBy")).isEqualTo("test-admin");
        assertThat(made.jsonPath().getString("apiKey.lastUsedAt")).isNull();

        String listed = given().get("/api/v1/admin/keys").then().statusCode(200).extract().asString();
        assertThat(listed).contains(id).doesNotContain(key).doesNotContain(key.substring(10));

        given().header("Authorization", TestTokens.NONE).header("X-Api-Key", key).get("/api/v1/leaderboard")
                .then().statusCode(200);
        Map<String, Object> shown = given().get("/api/v1/admin/keys").then().extract().jsonPath()
                .getMap("find { it.id == '" + id + "' }");
        assertThat(shown.get("lastUsedAt")).isNotNull();
        assertThat(shown.get("revokedAt")).isNull();
    }

    @Test
    void theServicesGetATokenSignedForTheKeysCallerNeverTheKey() throws Exception {
        Response made = create("hedge bot", "trader");
        String key = made.jsonPath().getString("key");
        String id = made.jsonPath().getString("apiKey.id");
        Response seen = given().header("Authorization", TestTokens.NONE).header("X-Api-Key", key)
                .contentType("application/json").body("{}").post("/api/v1/hedges/h-9/retry");
        seen.then().statusCode(200).body("headers.'x-api-key'", nullValue());
        String bearer = seen.jsonPath().getString("headers.authorization");
        assertThat(bearer).startsWith("Bearer ");
        String[] jwt = bearer.substring(7).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"apikey:" + id + "\"").contains("\"groups\":[\"trader\"]")
                .contains("\"iss\":\"tideline\"").contains("\"aud\":\"tideline-api\"").doesNotContain(key);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(trustedPublicKey());
        rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("signed with the key the services trust")
                .isTrue();
    }

    @Test
    void revokingNamesWhoAndWhenAndAnUnknownKeyIs404() {
        String id = create("temporary", "viewer").jsonPath().getString("apiKey.id");
        given().delete("/api/v1/admin/keys/" + id).then().statusCode(200)
                .body("revokedBy", equalTo("test-admin")).body("revokedAt", not(nullValue()));
        given().delete("/api/v1/admin/keys/key-nope").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIs400NamingTheField() {
        given().contentType("application/json").body(Map.of("name", "x", "role", "root")).post("/api/v1/admin/keys")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("role"));
        given().contentType("application/json").body(Map.of("role", "viewer")).post("/api/v1/admin/keys")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        given().contentType("application/json").body("{\"name\":\"a\u0000b\",\"role\":\"viewer\"}")
                .post("/api/v1/admin/keys").then().statusCode(400).body("detail", containsString("name"));
    }

    @Test
    void aTraderCannotMakeKeys() {
        given().header("Authorization", TestTokens.bearer("trader")).contentType("application/json")
                .body(Map.of("name", "mine", "role", "admin")).post("/api/v1/admin/keys")
                .then().statusCode(403);
        assertThat(given().get("/api/v1/admin/keys").jsonPath().getList("name", String.class))
                .doesNotContain("mine");
    }

    private static Response create(String name, String role) {
        Response made = given().contentType("application/json").body(Map.of("name", name, "role", role))
                .post("/api/v1/admin/keys");
        made.then().statusCode(201);
        return made;
    }

    private static PublicKey trustedPublicKey() throws Exception {
        String pem = Files.readString(Path.of(TestTokens.serviceConfig().get("mp.jwt.verify.publickey.location")));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

}
