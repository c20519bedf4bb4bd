package io.tideline.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tideline.routes.RoutePermissions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RoutePermissions PLATFORM = new RoutePermissions(RoutePermissions.PLATFORM);

    private static JsonNode document(String paths, String schemas) throws Exception {
        return JSON.readTree(("{'openapi':'3.1.0','info':{'title':'x','version':'2'},'paths':{" + paths
                + "},'components':{'schemas':{" + schemas + "},'securitySchemes':{'SecurityScheme':{'type':'http'}}}}")
                .replace('\'', '"'));
    }

    private static String get(String ref, String role) {
        return "'get':{'responses':{'200':{'description':'OK','content':{'application/json':{'schema':{'$ref':"
                + "'#/components/schemas/" + ref + "'}}}}},'security':[{'SecurityScheme':['" + role + "']}]}";
    }

    @Test
    void eachOperationCarriesTheTablesRoleAndNoSecurityOfItsOwn() throws Exception {
        UpstreamApi api = UpstreamApi.of("perp-hedger", document(
                "'/api/v1/hedges/{id}':{" + get("Hedge", "viewer") + "},"
                        + "'/api/v1/hedges/{id}/retry':{'post':{'operationId':'retry','responses':{},"
                        + "'security':[{'SecurityScheme':['trader']}]}}",
                "'Hedge':{'type':'object'}"), path -> path.startsWith("/api/v1/hedges"), PLATFORM);

        JsonNode retry = api.document().at("/paths/~1api~1v1~1hedges~1{id}~1retry/post");
        assertThat(retry.path(UpstreamApi.ROLE).asText()).isEqualTo("trader");
        assertThat(retry.has("security")).isFalse();
        assertThat(retry.path("tags").toString()).isEqualTo("[\"perp-hedger\"]");
        assertThat(retry.path("operationId").asText()).isEqualTo("perp-hedger.retry");
        assertThat(api.document().at("/paths/~1api~1v1~1hedges~1{id}/get/" + UpstreamApi.ROLE).asText())
                .isEqualTo("viewer");
        assertThat(api.uncovered()).isEmpty();
    }

    @Test
    void aRouteNoRuleCoversStaysWithoutARoleAndIsNamed() throws Exception {
        UpstreamApi api = UpstreamApi.of("alerting", document(
                "'/api/v1/alerts/{id}/escalate':{'post':{'responses':{},'security':[{'SecurityScheme':['trader']}]}}",
                ""), path -> path.startsWith("/api/v1/alerts"), PLATFORM);

        assertThat(api.uncovered()).containsExactly("POST /api/v1/alerts/{id}/escalate");
        JsonNode escalate = api.document().at("/paths/~1api~1v1~1alerts~1{id}~1escalate/post");
        assertThat(escalate.isMissingNode()).isFalse();
        assertThat(escalate.has(UpstreamApi.ROLE)).isFalse();
    }

    @Test
    void pathsRoutedElsewhereAndRoutesNeverForwardedAreLeftOut() throws Exception {
        UpstreamApi api = UpstreamApi.of("pnl-ingest", document(
                "'/api/v1/webhooks/alchemy':{'post':{'responses':{}}},"
                        + "'/api/v1/webhooks/inbox':{" + get("Inbox", "viewer") + "},"
                        + "'/api/v1/messaging':{" + get("MessagingState", "viewer") + "},"
                        + "'/api/v1/hedges':{" + get("Inbox", "viewer") + "}",
                "'Inbox':{'type':'object'},'MessagingState':{'type':'object'}"),
                path -> path.startsWith("/api/v1/webhooks"), PLATFORM);

        List<String> paths = new ArrayList<>();
        api.document().path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactly("/api/v1/webhooks/inbox");
        List<String> schemas = new ArrayList<>();
        api.document().at("/components/schemas").fieldNames().forEachRemaining(schemas::add);
        assertThat(schemas).containsExactly("pnl-ingest.Inbox");
        assertThat(api.document().path("components").has("securitySchemes")).isFalse();
    }

    @Test
    void twoServicesSchemasOfOneNameStayApartAndEveryReferenceFollowsItsOwn() throws Exception {
        UpstreamApi lp = UpstreamApi.of("lp-tracker", document("'/api/v1/lp/positions':{" + get("Page", "viewer")
                        + "}", "'Page':{'type':'object','properties':{'items':{'type':'array','items':"
                        + "{'$ref':'#/components/schemas/Position'}}}},'Position':{'type':'object'}"),
                path -> path.startsWith("/api/v1/lp"), PLATFORM);
        UpstreamApi alerts = UpstreamApi.of("alerting", document("'/api/v1/alerts':{" + get("Page", "viewer") + "}",
                "'Page':{'type':'object','properties':{'next':{'type':'string'}}}"),
                path -> path.startsWith("/api/v1/alerts"), PLATFORM);

        assertThat(lp.document().at("/paths/~1api~1v1~1lp~1positions/get/responses/200/content/application~1json"
                + "/schema/$ref").asText()).isEqualTo("#/components/schemas/lp-tracker.Page");
        assertThat(lp.document().at("/components/schemas/lp-tracker.Page/properties/items/items/$ref").asText())
                .isEqualTo("#/components/schemas/lp-tracker.Position");
        assertThat(lp.document().at("/components/schemas/lp-tracker.Position").isObject()).isTrue();
        assertThat(alerts.document().at("/components/schemas/alerting.Page/properties/next/type").asText())
                .isEqualTo("string");
        assertThat(alerts.document().at("/paths/~1api~1v1~1alerts/get/responses/200/content/application~1json"
                + "/schema/$ref").asText()).isEqualTo("#/components/schemas/alerting.Page");
    }
}
