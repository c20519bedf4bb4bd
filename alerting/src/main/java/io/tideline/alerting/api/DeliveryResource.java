package io.tideline.alerting.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.tideline.alerting.delivery.Deliveries;
import io.tideline.alerting.delivery.Delivery;
import io.tideline.alerting.delivery.DeliveryQueries;
import io.tideline.alerting.delivery.DeliveryQueries.DeliveryDetail;
import io.tideline.alerting.delivery.DeliveryState;
import io.tideline.messaging.tx.Transactions;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Deliveries of alert notifications to outside channels, with their attempts (viewer); a failed one sent again
 * (trader).
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/deliveries")
@Tag(name = "Deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final DeliveryQueries queries;
    private final Deliveries deliveries;
    private final Transactions transactions;
    private final SecurityIdentity caller;

    public DeliveryResource(DeliveryQueries queries, Deliveries deliveries, Transactions transactions,
            SecurityIdentity caller) {
        this.queries = queries;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Deliveries, newest first", description = "Filters: alertId, channel (email:<name>,"
            + " webhook:<name>), state (PENDING, DELIVERED, FAILED, SUPPRESSED). limit 1..1000, default 100; the next"
            + " page: before=<the last id of this one>.")
    @APIResponse(responseCode = "400", description = "A filter is malformed; the problem names it")
    public List<Delivery> list(@QueryParam("alertId") String alertId, @QueryParam("channel") String channel,
            @QueryParam("state") String state, @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        return queries.list(new DeliveryQueries.Filter(optionalId("alertId", alertId), optionalId("channel", channel),
                state(state), before == null ? null : id("before", before)), limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One delivery with the notification it carries and every attempt")
    @APIResponse(responseCode = "400", description = "Not a delivery id")
    @APIResponse(responseCode = "404", description = "No such delivery")
    public DeliveryDetail one(@PathParam("id") String id) {
        long deliveryId = id("id", id);
        return queries.detail(deliveryId).orElseThrow(() -> ProblemException.notFound("delivery " + deliveryId));
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Path("/{id}/resend")
    @Operation(summary = "Send a FAILED delivery again", description = "Back to PENDING, due at once, for a fresh"
            + " round of attempts (max-attempts more, with the same back-off) under the same idempotency key, so a"
            + " receiver that did get it dedupes it; who asked and when are kept on the delivery.")
    @APIResponse(responseCode = "200", description = "The delivery, PENDING again")
    @APIResponse(responseCode = "400", description = "Not a delivery id")
    @APIResponse(responseCode = "404", description = "No such delivery")
    @APIResponse(responseCode = "409", description = "Not FAILED (pending, delivered or suppressed); nothing changed")
    public Delivery resend(@PathParam("id") String id) {
        long deliveryId = id("id", id);
        String by = CallerName.of(caller);
        try {
            return transactions.run(uow -> deliveries.resend(uow, deliveryId, by))
                    .orElseThrow(() -> ProblemException.notFound("delivery " + deliveryId));
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }

    private static String optionalId(String field, String value) {
        return value == null ? null : Identifiers.require(field, value);
    }

    private static DeliveryState state(String value) {
        if (value == null) {
            return null;
        }
        try {
            return DeliveryState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("state", "must be one of PENDING, DELIVERED, FAILED, SUPPRESSED");
        }
    }

    private static long id(String field, String value) {
        if (value == null || !value.matches("[0-9]{1,18}") || Long.parseLong(value) < 1) {
            throw ProblemException.badField(field, "must be a delivery id (a positive whole number)");
        }
        return Long.parseLong(value);
    }

    private static int limit(String value) {
        if (value == null) {
            return 100;
        }
        if (!value.matches("[0-9]{1,4}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 1000) {
            throw ProblemException.badField("limit", "must be 1 to 1000");
        }
        return Integer.parseInt(value);
    }
}
