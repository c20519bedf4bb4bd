package io.tideline.gateway.dashboard;

import io.tideline.gateway.auth.CallerTokens;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The dashboard's dev login: in the local profile, a token for the role the developer picks, signed with the
 * caller-token key the services trust, so the dashboard can be used without {@code ./platform token}. Everywhere else
 * it answers 404, and switching it on outside the local profile stops the gateway ({@link DevLoginGuard}).
 */
@PermitAll
@Path("/dashboard/dev-login")
@Tag(name = "Dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DevLoginResource {

    /** The roles a dev login can take. */
    public record Options(List<String> roles) {
    }

    public record Request(String role) {
    }

    /** A signed bearer token for {@code subject} with {@code role}, valid until {@code expiresAt}. */
    public record DevToken(String token, String subject, String role, Instant expiresAt) {
    }

    private final DashboardConfig config;
    private final CallerTokens tokens;
    private final Clock clock;

    public DevLoginResource(DashboardConfig config, CallerTokens tokens) {
        this.config = config;
        this.tokens = tokens;
        this.clock = Clock.systemUTC();
    }

    @GET
    @Operation(summary = "Local profile only: the roles the dev login offers (404 elsewhere)")
    @Extension(name = "x-tideline-role", value = "public") // anyone, and only in the local profile
    @APIResponse(responseCode = "404", description = "The dev login is off (every profile but local)")
    public Options options() {
        requireEnabled();
        return new Options(Roles.ALL);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Local profile only: a short-lived bearer token for the chosen role (404 elsewhere)")
    @Extension(name = "x-tideline-role", value = "public") // anyone, and only in the local profile
    @APIResponse(responseCode = "400", description = "role is not viewer, trader or admin")
    @APIResponse(responseCode = "404", description = "The dev login is off (every profile but local)")
    public DevToken login(Request request) {
        requireEnabled();
        String role = request == null ? null : request.role();
        if (role == null || !Roles.ALL.contains(role)) {
            throw ProblemException.badField("role", "must be one of " + Roles.ALL);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String subject = "dev-" + role;
        String token = tokens.signPerson(subject, role, config.devLogin().ttl(), now);
        return new DevToken(token, subject, role, now.plus(config.devLogin().ttl()));
    }

    private void requireEnabled() {
        if (!config.devLogin().enabled()) {
            throw ProblemException.notFound("/dashboard/dev-login (the dev login exists in the local profile only)");
        }
    }
}
