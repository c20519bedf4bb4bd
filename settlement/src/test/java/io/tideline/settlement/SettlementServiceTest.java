package io.tideline.settlement;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.testing.ServiceContractTest;
import io.tideline.testing.TidelineTestResources;

@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SettlementServiceTest extends ServiceContractTest {
}
