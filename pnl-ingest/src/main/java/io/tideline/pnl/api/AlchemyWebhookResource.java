package io.tideline.pnl.api;

import io.smallrye.mutiny.Uni;
import io.tideline.pnl.activity.AlchemyPayload;
import io.tideline.pnl.activity.Delivery;
import io.tideline.pnl.activity.InvalidPayloadException;
import io.tideline.pnl.webhook.IngressLimit;
import io.tideline.pnl.webhook.WebhookInbox;
import io.tideline.pnl.webhook.WebhookKeys;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Alchemy Address Activity webhooks in: the signature is checked over the raw body before anything is parsed, the body
 * is accepted into the inbox as received, and the answer goes out as soon as that has committed. The delivery is
 * accepted without blocking, as one statement, from the event loop (ADR 0027): signature, parsing and the insert
 * cost microseconds of CPU and one round trip, and no worker thread waits for a connection. Processing
 * (activities, executions, P&amp;L) happens after, from the inbox, so an acknowledged delivery is never lost and a slow
 * database write downstream never makes Alchemy retry.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class AlchemyWebhookResource {

    static final String SIGNATURE_HEADER = "X-Alchemy-Signature";

    private final WebhookKeys keys;
    private final WebhookInbox inbox;
    private final IngressLimit limit;

    public AlchemyWebhookResource(WebhookKeys keys, WebhookInbox inbox, IngressLimit limit) {
        this.keys = keys;
        this.inbox = inbox;
        this.limit = limit;
    }

    /** The answer to a delivery: {@code accepted} the first time, {@code duplicate} for a replay of its id. */
    public record Receipt(String status, String deliveryId, int activities) {
    }

    @PermitAll
    @POST
    @Path("/alchemy")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Receive an Alchemy Address Activity webhook",
            description = "X-Alchemy-Signature must be the lower-case hex HMAC-SHA256 of the raw body with the signing"
                    + " key of a configured webhook (tideline.pnl.webhooks), else 401 and nothing is stored. The body"
                    + " must be an ADDRESS_ACTIVITY payload, else 400 naming the field. A delivery id seen before is"
                    + " acknowledged as a duplicate and not stored again. 503 with Retry-After, and nothing stored,"
                    + " while the service sheds load (tideline.pnl.ingress: too many deliveries being accepted at"
                    + " once, or too many waiting in the inbox); Alchemy sends the delivery again.")
    public Uni<Receipt> receive(@HeaderParam(SIGNATURE_HEADER) String signature, byte[] body) {
        // shed before the signature and the parse: under overload a refusal must cost next to nothing
        return limit.admit(() -> accept(signature, body));
    }

    private Uni<Receipt> accept(String signature, byte[] body) {
        if (signature == null || signature.isBlank()) {
            throw unauthorized("missing " + SIGNATURE_HEADER + " header");
        }
        if (keys.isEmpty()) {
            throw unauthorized("no webhook signing keys are configured (tideline.pnl.webhooks[i].id/signing-key)");
        }
        byte[] raw = body == null ? new byte[0] : body;
        String signer = keys.signerOf(raw, signature)
                .orElseThrow(() -> unauthorized(SIGNATURE_HEADER + " does not match the body under any configured"
                        + " webhook's signing key"));
        Delivery delivery;
        try {
            delivery = AlchemyPayload.parse(raw);
        } catch (InvalidPayloadException e) {
            throw ProblemException.badField(e.field(), e.getMessage().substring(e.field().length() + 2));
        }
        if (!signer.equals(delivery.webhookId())) {
            throw unauthorized("signed with the key of " + signer + " but the body names webhook "
                    + delivery.webhookId());
        }
        return inbox.acceptAlone(delivery, new String(raw, StandardCharsets.UTF_8))
                .map(accepted -> new Receipt(accepted ? "accepted" : "duplicate", delivery.deliveryId(),
                        delivery.activities().size()));
    }

    @GET
    @Path("/inbox")
    @Operation(summary = "The inbox's backlog: pending deliveries, the oldest one's age, set-aside deliveries",
            description = "The first thing to look at when P&L seems late; set-aside deliveries come with their"
                    + " reasons.")
    public WebhookInbox.Backlog backlog() {
        return inbox.backlog();
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, List.of());
    }
}
