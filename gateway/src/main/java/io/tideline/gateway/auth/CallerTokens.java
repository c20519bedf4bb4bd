package io.tideline.gateway.auth;

import io.smallrye.jwt.build.Jwt;
import io.tideline.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived bearer tokens that carry an API-key caller's identity ({@code apikey:<id>}) and role to the services,
 * which verify them as they verify people's tokens. A token is reused while more than half its life is left, so
 * signing costs one RSA operation per key a minute, not one per request.
 */
@ApplicationScoped
public class CallerTokens {

    private static final Logger LOG = Logger.getLogger(CallerTokens.class);

    private static final ApiKey GATEWAY = new ApiKey("gateway", "gateway", "viewer", "", null, "gateway", null,
            null, null);

    private final CallerTokenConfig config;
    private final Optional<PrivateKey> key;
    private final Map<String, Minted> minted = new ConcurrentHashMap<>();

    public CallerTokens(CallerTokenConfig config) {
        this.config = config;
        this.key = config.signingKeyLocation().map(CallerTokens::read);
        if (key.isEmpty()) {
            LOG.warn("tideline.gateway.caller-token.signing-key-location is not set: API-key callers reach only the"
                    + " gateway's own routes");
        }
    }

    /** {@code Bearer <token>} for the key's caller. */
    public String bearerFor(ApiKey apiKey) {
        PrivateKey signing = key.orElseThrow(() -> new ProblemException(503, "Service Unavailable",
                "the gateway cannot vouch for API-key callers to the services: no signing key is configured"
                        + " (tideline.gateway.caller-token.signing-key-location)", List.of()));
        Instant now = Instant.now();
        Minted current = minted.get(apiKey.id());
        if (current == null || current.renewAt().isBefore(now)) {
            Instant expires = now.plus(config.ttl());
            String token = Jwt.issuer(config.issuer())
                    .audience(config.audience())
                    .subject(subject(apiKey))
                    .upn(subject(apiKey))
                    .groups(Set.of(apiKey.role()))
                    .issuedAt(now)
                    .expiresAt(expires)
                    .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                    .sign(signing);
            current = new Minted("Bearer " + token, now.plus(config.ttl().dividedBy(2)));
            minted.put(apiKey.id(), current);
        }
        return current.bearer();
    }

    /**
     * {@code Bearer <token>} for the gateway's own reads from the services (the webhook inbox backlog): subject
     * {@code gateway}, role viewer, so it can read and never change anything.
     */
    public String bearerForGateway() {
        return bearerFor(GATEWAY);
    }

    /**
     * A bearer token for a person (subject, one role), valid for {@code ttl}: what the dashboard's dev login hands out
     * in the local profile. Signed with the caller-token key, which the services already trust.
     */
    public String signPerson(String subject, String role, java.time.Duration ttl, Instant now) {
        PrivateKey signing = key.orElseThrow(() -> new ProblemException(503, "Service Unavailable",
                "the gateway cannot sign tokens: no signing key is configured"
                        + " (tideline.gateway.caller-token.signing-key-location)", List.of()));
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(signing);
    }

    /** Forgets the tokens of a revoked key. */
    public void forget(String keyId) {
        minted.remove(keyId);
    }

    private static String subject(ApiKey apiKey) {
        return apiKey == GATEWAY ? "gateway" : "apikey:" + apiKey.id();
    }

    private static PrivateKey read(String location) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of(location));
            String text = new String(bytes, StandardCharsets.US_ASCII);
            byte[] der = text.startsWith("-----BEGIN")
                    ? Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""))
                    : bytes;
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException("tideline.gateway.caller-token.signing-key-location: cannot read "
                    + location, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("tideline.gateway.caller-token.signing-key-location: " + location
                    + " is not an RSA private key in PKCS#8 (PEM or DER)", e);
        }
    }

    private record Minted(String bearer, Instant renewAt) {
    }
}
