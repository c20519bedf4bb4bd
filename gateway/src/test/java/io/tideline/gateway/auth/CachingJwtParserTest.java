package io.tideline.gateway.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtParserTest {

    private final CountingVerifier verifier = new CountingVerifier();
    private final CachingJwtParser parser = new CachingJwtParser(verifier,
            new VerifiedTokens<>(10, Clock.systemUTC()));

    @Test
    void verifiesATokenOnceAndThenServesItByItsText() throws ParseException {
        JsonWebToken first = parser.parse("good-1");
        JsonWebToken again = parser.parse("good-1");

        assertThat(again).isSameAs(first);
        assertThat(verifier.verified).containsExactly("good-1");
    }

    @Test
    void verifiesEveryOtherTextInFull() throws ParseException {
        parser.parse("good-1");
        parser.parse("good-2");

        assertThat(verifier.verified).containsExactly("good-1", "good-2");
    }

    @Test
    void neverKeepsATokenThatFailedVerification() {
        assertThatThrownBy(() -> parser.parse("bad")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse("bad")).isInstanceOf(ParseException.class);

        assertThat(verifier.verified).containsExactly("bad", "bad");
    }

    @Test
    void verifiesAgainATokenThatExpiredMeanwhile() throws ParseException {
        parser.parse("expiring");
        parser.parse("expiring");

        assertThat(verifier.verified).containsExactly("expiring", "expiring");
    }

    /** SmallRye's parser stand-in: "bad" fails, "expiring" expires now, any other text is valid for an hour. */
    private static final class CountingVerifier extends DefaultJWTParser {
        final List<String> verified = new ArrayList<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            if (token.equals("bad")) {
                throw new ParseException("bad signature");
            }
            long exp = Instant.now().getEpochSecond() + (token.equals("expiring") ? 0 : 3_600);
            return new Token(token, exp);
        }
    }

    private record Token(String name, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of(Claims.exp.name());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claim) {
            return (T) Map.of(Claims.exp.name(), exp).get(claim);
        }
    }
}
