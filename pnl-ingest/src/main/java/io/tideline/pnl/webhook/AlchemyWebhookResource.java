package io.tideline.pnl.webhook;

import io.smallrye.mutiny.Uni;
import io.tideline.pnl.activity.AlchemyPayload;
import io.tideline.pnl.activity.Delivery;
import io.tideline.pnl.activity.InvalidPayloadException;
import io.tideline.pnl.inbox.InboxProcessor;
import io.tideline.service.problem.ProblemException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Alchemy Address Activity webhooks in: the signature is checked over the raw body before anything is parsed, the body
 * is stored in the inbox as received, and the answer goes out as soon as it is stored. Processing (activities,
 * executions, P&amp;L) happens after, from the inbox, so an acknowledged delivery is never lost and a slow database
 * write downstream never makes Alchemy retry.
 */
@Path("/api/v1/webhooks/alchemy")
@Tag(name = "Webhooks")
public class AlchemyWebhookResource {

    static final String SIGNATURE_HEADER = "X-Alchemy-Signature";

    private final WebhookKeys keys;
    private final Pool pool;
    private final InboxProcessor processor;

    public AlchemyWebhookResource(WebhookKeys keys, Pool pool, InboxProcessor processor) {
        this.keys = keys;
        this.pool = pool;
        this.processor = processor;
    }

    /** The answer to a delivery: {@code accepted} the first time, {@code duplicate} for a replay of its id. */
    public record Receipt(String status, String deliveryId, int activities) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive an Alchemy Address Activity webhook",
            description = "X-Alchemy-Signature must be the lower-case hex HMAC-SHA256 of the raw body with the signing"
                    + " key of a configured webhook (tideline.pnl.webhooks), else 401 and nothing is stored. The body"
                    + " must be an ADDRESS_ACTIVITY payload, else 400 naming the field. A delivery id seen before is"
                    + " acknowledged as a duplicate and not stored again.")
    public Uni<Receipt> receive(@HeaderParam(SIGNATURE_HEADER) String signature, byte[] body) {
        if (signature == null || signature.isBlank()) {
            throw unauthorized("missing " + SIGNATURE_HEADER + " header");
        }
        if (keys.isEmpty()) {
            throw unauthorized("no webhook signing keys are configured (tideline.pnl.webhooks[i].id/signing-key)");
        }
        String signer = keys.signerOf(body == null ? new byte[0] : body, signature)
                .orElseThrow(() -> unauthorized(SIGNATURE_HEADER + " does not match the body under any configured"
                        + " webhook's signing key"));
        Delivery delivery;
        try {
            delivery = AlchemyPayload.parse(body);
        } catch (InvalidPayloadException e) {
            throw ProblemException.badField(e.field(), e.getMessage().substring(e.field().length() + 2));
        }
        if (!signer.equals(delivery.webhookId())) {
            throw unauthorized("signed with the key of " + signer + " but the body names webhook "
                    + delivery.webhookId());
        }
        return pool.preparedQuery("insert into webhook_inbox (source, webhook_id, delivery_id, created_at, body)"
                        + " values ('alchemy', $1, $2, $3, $4) on conflict (delivery_id) do nothing")
                .execute(Tuple.of(delivery.webhookId(), delivery.deliveryId(),
                        delivery.createdAt().atOffset(ZoneOffset.UTC), new String(body, StandardCharsets.UTF_8)))
                .map(rows -> {
                    boolean stored = rows.rowCount() > 0;
                    if (stored) {
                        processor.wake();
                    }
                    return new Receipt(stored ? "accepted" : "duplicate", delivery.deliveryId(),
                            delivery.activities().size());
                });
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, List.of());
    }
}
