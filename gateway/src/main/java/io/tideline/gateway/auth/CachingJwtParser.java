package io.tideline.gateway.auth;

import io.quarkus.arc.Unremovable;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;

/**
 * The JWT parser Quarkus's bearer-token check uses, in front of SmallRye JWT's own: a token verified once (signature,
 * issuer, audience, expiry) is served from {@link VerifiedTokens} by its exact text until its {@code exp}, instead
 * of an RS256 check per request — a third of the gateway's CPU per proxied request at 2,000 req/s
 * (docs/adr/0025-gateway-latency-tail.md). Any other text (another signature, a changed claim) is verified in full;
 * a failed verification is never kept. API keys do not pass here: {@link ApiKeys} forgets a revoked key at once.
 */
@Alternative
@Priority(1)
@Unremovable
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    /** Enough for every person signed in at once; each entry is one token's text and its claims (a few KB). */
    static final int CAPACITY = 10_000;

    private final DefaultJWTParser verifier;
    private final VerifiedTokens<JsonWebToken> verified;

    @Inject
    public CachingJwtParser(DefaultJWTParser verifier) {
        this(verifier, new VerifiedTokens<>(CAPACITY, Clock.systemUTC()));
    }

    CachingJwtParser(DefaultJWTParser verifier, VerifiedTokens<JsonWebToken> verified) {
        this.verifier = verifier;
        this.verified = verified;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        var known = verified.get(token);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken jwt = verifier.parse(token);
        // SmallRye requires exp; a token without one would simply not be kept
        if (jwt.getClaim(Claims.exp.name()) instanceof Number exp) {
            verified.put(token, jwt, Instant.ofEpochSecond(exp.longValue()));
        }
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
