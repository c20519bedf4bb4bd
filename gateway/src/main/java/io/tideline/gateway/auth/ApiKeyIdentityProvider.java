package io.tideline.gateway.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a presented API key into the caller {@code apikey:<id>} with the key's role; an unknown, malformed or revoked
 * key fails authentication (401), and the message never holds the key.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyCredential> {

    /** The identity attribute holding the caller's {@link ApiKey}. */
    public static final String API_KEY = "tideline.api-key";

    private final ApiKeys keys;

    public ApiKeyIdentityProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyCredential> getRequestType() {
        return ApiKeyCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyCredential request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> keys.authenticate(request.key())
                .<SecurityIdentity>map(key -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("apikey:" + key.id()))
                        .addRole(key.role())
                        .addAttribute(API_KEY, key)
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key")));
    }
}
