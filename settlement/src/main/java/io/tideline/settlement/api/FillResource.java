package io.tideline.settlement.api;

import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import io.tideline.settlement.fill.FillRecorder;
import io.tideline.settlement.fill.FillRules;
import io.tideline.settlement.fill.FillSubmission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Fills of venues that cannot publish on mm.fills. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/fills")
@Tag(name = "Fills")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FillResource {

    private final FillRecorder fills;

    public FillResource(FillRecorder fills) {
        this.fills = fills;
    }

    /**
     * A market-maker fill. Decimals as JSON numbers or strings; ids as strings; {@code filledAt} ISO-8601 UTC.
     *
     * @param feeAsset optional, the quote asset when absent
     */
    public record FillRequest(String sessionId, String pair, String venue, String orderId, String tradeId, String side,
                              BigDecimal quantity, BigDecimal price, BigDecimal fee, String feeAsset,
                              Instant filledAt) {
    }

    /** The answer: the fill's identity, and whether it was known already (then nothing changed). */
    public record FillAccepted(String venue, String orderId, String tradeId, boolean duplicate) {
    }

    @RolesAllowed(Roles.TRADER)
    @POST
    @Operation(summary = "Record a fill of a session",
            description = "The session must exist (POST /api/v1/sessions) and be on the fill's venue. A fill is"
                    + " identified by (venue, orderId, tradeId): a new one is stored and published as FillRecorded on"
                    + " mm.fills (201, duplicate=false); one already known is acknowledged and ignored (200,"
                    + " duplicate=true) and changes nothing. A pair not yet in the session is added to it.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(
            implementation = FillAccepted.class)))
    @APIResponse(responseCode = "200", description = "Already recorded: ignored (duplicate=true)",
            content = @Content(schema = @Schema(implementation = FillAccepted.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (problem+json naming it); nothing changed")
    public RestResponse<FillAccepted> record(FillRequest request) {
        FillSubmission fill = validate(request);
        FillRecorder.Submitted submitted = fills.submit(fill);
        return switch (submitted.outcome()) {
            case NO_SESSION -> throw ProblemException.badField("sessionId", "no session " + fill.sessionId()
                    + "; create it with POST /api/v1/sessions first");
            case OTHER_VENUE -> throw ProblemException.badField("venue", "session " + fill.sessionId()
                    + " trades on " + submitted.sessionVenue() + ", not " + fill.venue());
            case RECORDED, DUPLICATE -> {
                boolean duplicate = submitted.outcome() == FillRecorder.Outcome.DUPLICATE;
                yield RestResponse.status(duplicate ? RestResponse.Status.OK : RestResponse.Status.CREATED,
                        new FillAccepted(fill.venue(), fill.orderId(), fill.tradeId(), duplicate));
            }
        };
    }

    static FillSubmission validate(FillRequest r) {
        RequestFields.required("body", r);
        return RequestFields.checked(() -> FillRules.submission(r.sessionId(), r.pair(), r.venue(), r.orderId(),
                r.tradeId(), r.side(), r.quantity(), r.price(), r.fee(), r.feeAsset(), r.filledAt(), Instant.now()));
    }
}
