package io.tideline.messaging;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the service's own database is ({@code tideline.db.*}, environment {@code TIDELINE_DB_*}); both datasource
 * URLs and the credentials are built from it. Declared as a mapping so that a missing user stops the service at start
 * naming {@code tideline.db.user} — as a plain Quarkus datasource property it would silently fall back to a default.
 */
@ConfigMapping(prefix = "tideline.db")
public interface DatabaseConfig {

    @NotBlank
    String host();

    @Min(1)
    @Max(65535)
    int port();

    /** The service's database, e.g. {@code tideline_lp}. */
    @NotBlank
    String name();

    @NotBlank
    String user();

    /** Empty for trust or certificate authentication. */
    Optional<String> password();

    /**
     * The one bound on every statement the service waits for (and on getting a connection), client side; the same
     * value is sent to the server as its {@code statement_timeout}, so a statement abandoned here does not run on.
     * Written in seconds or milliseconds ({@code 30s}, {@code 500ms}): the one notation both sides read alike.
     */
    @WithName("statement-timeout")
    @WithDefault("30s")
    @Pattern(regexp = "[1-9][0-9]{0,8}(ms|s)", message = "must be a whole number of seconds or milliseconds, e.g. 30s or 500ms")
    String statementTimeoutText();

    /** {@link #statementTimeoutText()} as a duration. */
    default Duration statementTimeout() {
        String text = statementTimeoutText();
        return text.endsWith("ms")
                ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                : Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
    }
}
