package io.tideline.alerting.api;

import io.tideline.alerting.rule.AlertRule;
import io.tideline.alerting.rule.RuleDraft;
import io.tideline.alerting.rule.RuleKind;
import io.tideline.alerting.admin.RuleService;
import io.tideline.alerting.rule.RuleStore;
import io.tideline.messaging.tx.Transactions;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Alert rules: list and read (viewer); create, replace and delete (admin). */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/alert-rules")
@Tag(name = "Alert rules")
@Produces(MediaType.APPLICATION_JSON)
public class AlertRuleResource {

    private final RuleService rules;
    private final RuleStore store;
    private final Transactions transactions;

    public AlertRuleResource(RuleService rules, RuleStore store, Transactions transactions) {
        this.rules = rules;
        this.store = store;
        this.transactions = transactions;
    }

    /** A rule kind and the params it takes. */
    public record KindInfo(RuleKind kind, Set<String> required, Set<String> optional, boolean timed) {
    }

    @GET
    @Operation(summary = "The rules, oldest first", description = "kind and enabled filter the list.")
    public List<AlertRule> list(@QueryParam("kind") RuleKind kind, @QueryParam("enabled") Boolean enabled) {
        return store.all(transactions.reads()).stream()
                .filter(r -> kind == null || r.kind() == kind)
                .filter(r -> enabled == null || r.enabled() == enabled)
                .toList();
    }

    @GET
    @Path("/kinds")
    @Operation(summary = "The rule kinds and the params each takes (the README's rule catalogue has examples)")
    public List<KindInfo> kinds() {
        return Arrays.stream(RuleKind.values()).map(k -> new KindInfo(k, new TreeSet<>(k.required()),
                new TreeSet<>(k.optional()), k.timed())).toList();
    }

    @GET
    @Path("/{ruleId}")
    @Operation(summary = "One rule")
    @APIResponse(responseCode = "404", description = "No such rule")
    public AlertRule one(@PathParam("ruleId") String ruleId) {
        Identifiers.require("ruleId", ruleId);
        return store.find(transactions.reads(), ruleId).orElseThrow(() -> ProblemException.notFound("rule "
                + ruleId));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a rule", description = "Defaults: scope GLOBAL, channels [push], cooldownSeconds"
            + " 300, enabled true, a generated ruleId. Each kind's params are checked (GET /api/v1/alert-rules/kinds).")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "A field is invalid (problem+json naming it); nothing changed")
    @APIResponse(responseCode = "409", description = "A rule with this ruleId exists; nothing changed")
    public RestResponse<AlertRule> create(RuleDraft draft) {
        RuleService.Created created = rules.create(draft);
        if (created.existed()) {
            throw ProblemException.conflict("rule " + created.rule().ruleId() + " exists; PUT replaces it");
        }
        return RestResponse.ResponseBuilder.<AlertRule>created(URI.create("/api/v1/alert-rules/"
                + created.rule().ruleId())).entity(created.rule()).build();
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{ruleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a rule", description = "The rule's unresolved alerts are resolved (\"rule changed\");"
            + " a condition that still holds raises a new alert under the new thresholds. If-Match with the rule's"
            + " version refuses the change (412) if someone changed it meanwhile.")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "A field is invalid; nothing changed")
    @APIResponse(responseCode = "404", description = "No such rule")
    @APIResponse(responseCode = "412", description = "The rule's version is not the one in If-Match; nothing changed")
    public AlertRule replace(@PathParam("ruleId") String ruleId, @HeaderParam("If-Match") String ifMatch,
            RuleDraft draft) {
        Identifiers.require("ruleId", ruleId);
        return rules.replace(ruleId, draft, version(ifMatch)).orElseThrow(() -> ProblemException.notFound("rule "
                + ruleId));
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("/{ruleId}")
    @Operation(summary = "Delete a rule", description = "Its unresolved alerts are resolved (\"rule deleted\"); its"
            + " alerts' history stays.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such rule")
    public RestResponse<Void> delete(@PathParam("ruleId") String ruleId) {
        Identifiers.require("ruleId", ruleId);
        if (!rules.delete(ruleId)) {
            throw ProblemException.notFound("rule " + ruleId);
        }
        return RestResponse.noContent();
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip().replaceAll("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badField("If-Match", "must be the rule's version, e.g. \"3\"");
        }
    }
}
