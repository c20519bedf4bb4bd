package io.tideline.pnl;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.testing.ServiceContractTest;
import io.tideline.testing.TidelineTestResources;

import java.util.Set;

@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PnlIngestServiceTest extends ServiceContractTest {

    /** Alchemy's deliveries carry their own signature (X-Alchemy-Signature) instead of a token. */
    @Override
    protected Set<String> openRoutes() {
        return Set.of("POST /api/v1/webhooks/alchemy");
    }
}
