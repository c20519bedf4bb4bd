package io.tideline.testing;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * RS256 bearer tokens for tests, signed with a key pair made for this test JVM (never one from the repository).
 * <p>
 * A service under test trusts the pair's public key through {@link #serviceConfig()} (the test resources of
 * shared-testing add it) and RestAssured calls carry an admin token unless the test gives its own
 * {@code Authorization} header ({@link #callAsAdminByDefault()}); {@link #NONE} as that header sends none at all.
 * The pair lives in a folder named by a system property, so the test's class loader and Quarkus' see the same keys.
 */
public final class TestTokens {

    /** The default issuer and audience of shared-service. */
    public static final String ISSUER = "tideline";
    public static final String AUDIENCE = "tideline-api";

    /** As the value of an {@code Authorization} header in a RestAssured call: send no such header. */
    public static final String NONE = "none";

    private static final String DIR_PROPERTY = "tideline.test.jwt.dir";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static volatile boolean filterInstalled;

    private TestTokens() {
    }

    /** The settings that make a service trust this JVM's test tokens. */
    public static Map<String, String> serviceConfig() {
        return Map.of("mp.jwt.verify.publickey.location", publicKeyFile().toString());
    }

    /** The same, as environment variables for a packaged service ({@link ServiceProcess}). */
    public static Map<String, String> serviceEnvironment() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyFile().toString());
    }

    /**
     * The pair's private half (PKCS#8 DER), for a service under test that signs tokens the others trust (the gateway
     * vouching for an API-key caller).
     */
    public static Path signingKeyFile() {
        return Keys.folder().resolve("private.der");
    }

    /** {@code Bearer <token>} for a caller with this role, valid for an hour. */
    public static String bearer(String role) {
        return "Bearer " + token(role).sign();
    }

    /** A token to adjust (expired, another issuer or audience, another key) before {@link Token#sign()}. */
    public static Token token(String role) {
        Instant now = Instant.now();
        return new Token("test-" + role, role, ISSUER, AUDIENCE, now, now.plus(Duration.ofHours(1)), false);
    }

    /**
     * Makes every RestAssured request without an {@code Authorization} header an admin's. Idempotent. (The filter is
     * a class of its own, so that this one loads where RestAssured is absent: the benchmarks.)
     */
    public static synchronized void callAsAdminByDefault() {
        if (filterInstalled) {
            return;
        }
        AdminByDefault.install(bearer("admin"));
        filterInstalled = true;
    }

    /** A token's claims; {@link #sign()} gives the compact JWS. */
    public record Token(String subject, String role, String issuer, String audience, Instant issuedAt,
                        Instant expiresAt, boolean strangerKey) {

        public Token expired() {
            return new Token(subject, role, issuer, audience, issuedAt.minus(Duration.ofHours(2)),
                    Instant.now().minus(Duration.ofHours(1)), strangerKey);
        }

        public Token issuer(String other) {
            return new Token(subject, role, other, audience, issuedAt, expiresAt, strangerKey);
        }

        public Token audience(String other) {
            return new Token(subject, role, issuer, other, issuedAt, expiresAt, strangerKey);
        }

        /** Signed with a key the service does not trust. */
        public Token signedByStranger() {
            return new Token(subject, role, issuer, audience, issuedAt, expiresAt, true);
        }

        public String sign() {
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
            String claims = "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"" + subject
                    + "\",\"upn\":\"" + subject + "\",\"groups\":[\"" + role + "\"],\"iat\":"
                    + issuedAt.getEpochSecond() + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"jti\":\""
                    + UUID.randomUUID() + "\"}";
            String signingInput = encode(header) + "." + encode(claims);
            try {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(strangerKey ? Keys.STRANGER.getPrivate() : Keys.privateKey());
                rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + URL.encodeToString(rsa.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign a test token", e);
            }
        }

        private static String encode(String json) {
            return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Path publicKeyFile() {
        return Keys.folder().resolve("public.pem");
    }

    /** This JVM's key pair, made once and shared by every class loader through a folder named in a system property. */
    private static final class Keys {

        private static final KeyPair STRANGER = generate();

        private static synchronized Path folder() {
            String dir = System.getProperty(DIR_PROPERTY);
            if (dir != null) {
                return Path.of(dir);
            }
            try {
                Path folder = Files.createTempDirectory("tideline-test-jwt-");
                KeyPair pair = generate();
                Files.writeString(folder.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.write(folder.resolve("private.der"), pair.getPrivate().getEncoded());
                folder.toFile().deleteOnExit();
                folder.resolve("public.pem").toFile().deleteOnExit();
                folder.resolve("private.der").toFile().deleteOnExit();
                System.setProperty(DIR_PROPERTY, folder.toString());
                return folder;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the test key pair", e);
            }
        }

        private static volatile PrivateKey privateKey;

        /** The pair's private half, read once per class loader. */
        private static PrivateKey privateKey() {
            PrivateKey key = privateKey;
            if (key == null) {
                key = readPrivateKey();
                privateKey = key;
            }
            return key;
        }

        private static PrivateKey readPrivateKey() {
            try {
                byte[] der = Files.readAllBytes(folder().resolve("private.der"));
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String pem(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END " + type + "-----\n";
        }
    }
}
