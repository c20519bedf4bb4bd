package io.tideline.gateway.dashboard;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.gateway.GatewayTestResources;
import io.tideline.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The dashboard's files come from the gateway's jar at / without a credential, while the API beside them still
 * needs one; with the default (production) settings the dev login does not exist.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DashboardServingTest {

    @Test
    void servesTheDashboardAtTheRootWithoutACredential() {
        String html = given().header("Authorization", TestTokens.NONE).get("/").then()
                .statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<div id=\"app\"></div>")).extract().asString();
        Matcher script = Pattern.compile("src=\"/(assets/main-[A-Z0-9]+\\.js)\"").matcher(html);
        Matcher style = Pattern.compile("href=\"/(assets/main-[A-Z0-9]+\\.css)\"").matcher(html);
        assertThat(script.find()).as("index.html names the bundle: %s", html).isTrue();
        assertThat(style.find()).as("index.html names the stylesheet: %s", html).isTrue();
        given().get("/" + script.group(1)).then().statusCode(200).contentType(containsString("javascript"));
        given().get("/" + style.group(1)).then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void theApiBesideItStillNeedsACredential() {
        given().header("Authorization", TestTokens.NONE).get("/api/v1/lp/positions").then().statusCode(401);
    }

    @Test
    void theDevLoginDoesNotExistUnlessSwitchedOn() {
        given().get("/dashboard/dev-login").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{\"role\":\"admin\"}").post("/dashboard/dev-login").then()
                .statusCode(404).body("status", equalTo(404));
    }
}
