package io.tideline.settlement.api;

import io.tideline.events.TradeSide;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import io.tideline.settlement.fill.FillRecorder;
import io.tideline.settlement.fill.FillSubmission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
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

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

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
        String sessionId = RequestFields.id("sessionId", r.sessionId());
        String pair = RequestFields.pair("pair", r.pair());
        String venue = RequestFields.id("venue", r.venue());
        String orderId = RequestFields.id("orderId", r.orderId());
        String tradeId = RequestFields.id("tradeId", r.tradeId());
        String sideText = RequestFields.required("side", r.side()).trim().toUpperCase(Locale.ROOT);
        TradeSide side;
        try {
            side = TradeSide.valueOf(sideText);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("side", "must be BUY or SELL");
        }
        BigDecimal quantity = RequestFields.positive("quantity", r.quantity());
        BigDecimal price = RequestFields.positive("price", r.price());
        BigDecimal fee = RequestFields.nonNegative("fee", r.fee());
        String feeAsset = r.feeAsset() == null || r.feeAsset().isBlank() ? null : r.feeAsset().trim()
                .toUpperCase(Locale.ROOT);
        if (feeAsset != null && !feeAsset.matches("[A-Z0-9]{1,20}")) {
            throw ProblemException.badField("feeAsset", "must be an asset symbol, e.g. USDC");
        }
        Instant filledAt = RequestFields.required("filledAt", r.filledAt());
        if (filledAt.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw ProblemException.badField("filledAt", "is in the future");
        }
        return new FillSubmission(sessionId, pair, venue, orderId, tradeId, side, quantity, price, fee, feeAsset,
                filledAt);
    }
}
