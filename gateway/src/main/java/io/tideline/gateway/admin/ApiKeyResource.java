package io.tideline.gateway.admin;

import io.quarkus.security.identity.SecurityIdentity;
import io.tideline.gateway.auth.ApiKey;
import io.tideline.gateway.auth.ApiKeys;
import io.tideline.gateway.auth.CallerTokens;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** API keys for machines (admin): make one (the key is shown once), list them with their last use, revoke one. */
@RolesAllowed(Roles.ADMIN)
@Path("/api/v1/admin/keys")
@Tag(name = "Admin: API keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final ApiKeys keys;
    private final CallerTokens callerTokens;
    private final SecurityIdentity caller;

    public ApiKeyResource(ApiKeys keys, CallerTokens callerTokens, SecurityIdentity caller) {
        this.keys = keys;
        this.callerTokens = callerTokens;
        this.caller = caller;
    }

    /** What a new key is: a name people recognise and the role it acts with. */
    public record NewKey(String name, String role) {
    }

    /** A key just made. {@code key} is the secret the machine presents in {@code X-Api-Key}; it is not kept. */
    public record CreatedKey(ApiKey apiKey, String key) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make an API key", description = "The answer holds the key itself, shown this once; only its"
            + " SHA-256 is stored. role: viewer, trader or admin.")
    @APIResponse(responseCode = "201", description = "Made")
    public Response create(NewKey body) {
        if (body == null) {
            throw ProblemException.badField("body", "is required");
        }
        ApiKeys.Created made = keys.create(body.name(), body.role(), caller.getPrincipal().getName());
        return Response.status(201).entity(new CreatedKey(made.apiKey(), made.key())).build();
    }

    @GET
    @Operation(summary = "Every API key, newest first, with its last use; never the keys themselves")
    public List<ApiKey> list() {
        return keys.list();
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(summary = "Revoke an API key: requests with it are refused 401 from now on")
    @APIResponse(responseCode = "404", description = "No such key")
    public ApiKey revoke(@PathParam("keyId") String keyId) {
        ApiKey revoked = keys.revoke(keyId, caller.getPrincipal().getName());
        callerTokens.forget(keyId);
        return revoked;
    }
}
