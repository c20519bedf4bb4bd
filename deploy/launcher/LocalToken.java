import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * The launcher's local signing key and bearer tokens, with the JDK alone (run as a single-file program).
 * <pre>
 *   java LocalToken.java keys DIR                        makes DIR/private.pem and DIR/public.pem unless both exist
 *   java LocalToken.java token DIR ROLE [SUBJECT] [TTL]  prints an RS256 token for ROLE (viewer, trader or admin)
 * </pre>
 * The services of a local run trust DIR/public.pem (mp.jwt.verify.publickey.location); issuer and audience are
 * shared-service's defaults unless TIDELINE_JWT_ISSUER / TIDELINE_JWT_AUDIENCE say otherwise. The key pair is made on
 * this machine and never leaves the launcher's state folder.
 */
public final class LocalToken {

    private static final Set<String> ROLES = Set.of("viewer", "trader", "admin");

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("keys")) {
            keys(Path.of(args[1]));
        } else if (args.length >= 3 && args[0].equals("token")) {
            String subject = args.length >= 4 ? args[3] : "local-" + args[2];
            Duration ttl = args.length >= 5 ? Duration.parse(args[4]) : Duration.ofHours(12);
            System.out.println(token(Path.of(args[1]), args[2], subject, ttl));
        } else if (args.length == 6 && args[0].equals("tokens")) {
            // COUNT callers of one role, SUBJECT_PREFIX-1 .. -COUNT, a token per line (the load run's stream clients)
            for (int i = 1; i <= Integer.parseInt(args[4]); i++) {
                System.out.println(token(Path.of(args[1]), args[2], args[3] + "-" + i, Duration.parse(args[5])));
            }
        } else {
            System.err.println("usage: LocalToken keys DIR | LocalToken token DIR ROLE [SUBJECT] [TTL]"
                    + " | LocalToken tokens DIR ROLE SUBJECT_PREFIX COUNT TTL");
            System.exit(2);
        }
    }

    private static void keys(Path dir) throws Exception {
        Path privateKey = dir.resolve("private.pem");
        Path publicKey = dir.resolve("public.pem");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static String token(Path dir, String role, String subject, Duration ttl) throws Exception {
        if (!ROLES.contains(role)) {
            System.err.println("unknown role '" + role + "' (roles: viewer, trader, admin)");
            System.exit(2);
        }
        if (!subject.matches("[A-Za-z0-9._@-]{1,64}")) {
            System.err.println("a subject is 1 to 64 of letters, digits and . _ @ -");
            System.exit(2);
        }
        Path privateKey = dir.resolve("private.pem");
        if (!Files.exists(privateKey)) {
            System.err.println("no local signing key in " + dir + ": run ./platform up first");
            System.exit(1);
        }
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + env("TIDELINE_JWT_ISSUER", "tideline")
                + "\",\"aud\":\"" + env("TIDELINE_JWT_AUDIENCE", "tideline-api")
                + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(ttl).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(readPrivateKey(privateKey));
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + url.encodeToString(rs256.sign());
    }

    private static PrivateKey readPrivateKey(Path file) throws Exception {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
