package io.tideline.gateway.admin.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Feature flags and runtime settings (admin): list them, set one, put one back to its default, read the audit. */
@RolesAllowed(Roles.ADMIN)
@Path("/api/v1/admin/settings")
@Tag(name = "Admin: settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    static final int MAX_PAGE = 200;

    private final SettingChanges settings;
    private final SecurityIdentity caller;

    public SettingsResource(SettingChanges settings, SecurityIdentity caller) {
        this.settings = settings;
        this.caller = caller;
    }

    /** A new value: a JSON string, boolean or number. */
    public record NewValue(JsonNode value) {
    }

    /** A page of the audit; {@code nextBefore} asks for the next (older) page, null on the last. */
    public record AuditPage(List<SettingStore.AuditEntry> entries, Long nextBefore) {
    }

    @GET
    @Operation(summary = "Every known setting with its type, bounds, default and the value in force")
    public List<SettingView> list() {
        return settings.list();
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a setting", description = "Stored with an audit entry and broadcast on the config topic"
            + " in one transaction. An unknown key or a value out of its type or bounds is 400 naming the field.")
    public SettingView set(@PathParam("key") String key, NewValue body) {
        if (body == null || body.value() == null || body.value().isNull() || body.value().isMissingNode()) {
            throw ProblemException.badField("value", "is required (DELETE puts a setting back to its default)");
        }
        if (!body.value().isValueNode()) {
            throw ProblemException.badField("value", "must be a string, a boolean or a number");
        }
        return settings.change(key, body.value().asText(), caller.getPrincipal().getName());
    }

    @DELETE
    @Path("/{key}")
    @Operation(summary = "Put a setting back to its default (audited and broadcast as a change to null)")
    public SettingView reset(@PathParam("key") String key) {
        return settings.change(key, null, caller.getPrincipal().getName());
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Who changed which setting from what to what, and when; newest first, paged by id")
    public AuditPage audit(@QueryParam("key") String key, @QueryParam("before") Long before,
            @QueryParam("limit") Integer limit) {
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_PAGE) {
            throw ProblemException.badField("limit", "must be between 1 and " + MAX_PAGE);
        }
        if (key != null) {
            Identifiers.require("key", key);
        }
        if (before != null && before < 1) {
            throw ProblemException.badField("before", "must be a positive audit entry id");
        }
        List<SettingStore.AuditEntry> entries = settings.audit(key, before, n);
        return new AuditPage(entries, entries.size() < n ? null : entries.get(entries.size() - 1).id());
    }
}
