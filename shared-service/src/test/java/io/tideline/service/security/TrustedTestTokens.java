package io.tideline.service.security;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tideline.testing.TestTokens;

import java.util.Map;

/** This module's tests need no database or broker: only the service's trust in this JVM's test tokens. */
public class TrustedTestTokens implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestTokens.callAsAdminByDefault();
        return TestTokens.serviceConfig();
    }

    @Override
    public void stop() {
    }
}
