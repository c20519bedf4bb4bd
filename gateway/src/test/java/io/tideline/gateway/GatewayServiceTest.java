package io.tideline.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.testing.ServiceContractTest;

import java.util.Set;

@QuarkusTest
@WithTestResource(value = GatewayTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GatewayServiceTest extends ServiceContractTest {

    @Override
    protected Set<String> openRoutes() {
        return Set.of("POST /webhooks/alchemy", // authenticated by its signature, at pnl-ingest
                "GET /dashboard/dev-login", "POST /dashboard/dev-login"); // local profile only, else 404
    }

    @Override
    protected boolean forwardedByTheGateway() {
        return false; // its own routes; the merged document's are checked by MergedOpenApiTest
    }

    @Override
    protected boolean openApiIsPublic() {
        return true; // the merged document and Swagger UI (docs/architecture.md "Gateway")
    }
}
