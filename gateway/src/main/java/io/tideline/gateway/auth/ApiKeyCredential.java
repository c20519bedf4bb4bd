package io.tideline.gateway.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The API key a request presented, on its way to {@link ApiKeyIdentityProvider}. */
public final class ApiKeyCredential extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyCredential(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "ApiKeyCredential[****]";
    }
}
