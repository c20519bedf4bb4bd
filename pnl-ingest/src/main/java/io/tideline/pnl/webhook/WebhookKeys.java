package io.tideline.pnl.webhook;

import io.tideline.pnl.config.PnlConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configured webhooks' signing keys: finds which webhook, if any, signed a body. */
@ApplicationScoped
public class WebhookKeys {

    private final Map<String, AlchemySignature> byWebhook = new LinkedHashMap<>();

    public WebhookKeys(PnlConfig config) {
        config.webhooks().forEach(w -> byWebhook.put(w.id(), new AlchemySignature(w.signingKey())));
    }

    /**
     * The id of the configured webhook whose key produced {@code signature} over {@code body}. Every key is tried
     * (the body is not parsed before it is verified, so its webhook id cannot pick the key).
     */
    public Optional<String> signerOf(byte[] body, String signature) {
        String signer = null;
        for (Map.Entry<String, AlchemySignature> entry : byWebhook.entrySet()) {
            if (entry.getValue().verifies(body, signature) && signer == null) {
                signer = entry.getKey();
            }
        }
        return Optional.ofNullable(signer);
    }

    public boolean isEmpty() {
        return byWebhook.isEmpty();
    }
}
