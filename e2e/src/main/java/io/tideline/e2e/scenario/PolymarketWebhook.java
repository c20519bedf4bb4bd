package io.tideline.e2e.scenario;

import io.tideline.testing.alchemy.AlchemyPayloads;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

/**
 * A Polymarket trade by a wallet as Alchemy reports it: one signed Address Activity delivery through the gateway's
 * ingress, with the USDC and the 100 outcome shares of one transaction, moving between the wallet and the exchange.
 */
final class PolymarketWebhook {

    private PolymarketWebhook() {
    }

    /** 100 shares of {@code tokenId} against {@code usdcRaw} (6 decimals) of USDC: bought (shares in) or sold. */
    static HttpResponse<byte[]> trade(Desk desk, String wallet, BigInteger tokenId, boolean buy, long usdcRaw,
            String deliveryId) {
        String tx = AlchemyPayloads.txHash();
        String from = buy ? LocalPolymarket.EXCHANGE : wallet;
        String to = buy ? wallet : LocalPolymarket.EXCHANGE;
        byte[] body = AlchemyPayloads.delivery(LocalPolymarket.WEBHOOK_ID, deliveryId, Instant.now(),
                AlchemyPayloads.usdc(tx, 10, to, from, LocalPolymarket.USDC, usdcRaw),
                AlchemyPayloads.shares(tx, 11, from, to, LocalPolymarket.CONDITIONAL_TOKENS, tokenId, 100_000_000L));
        return desk.gateway().postSigned("/webhooks/alchemy", body,
                Map.of("X-Alchemy-Signature", AlchemyPayloads.sign(body, LocalPolymarket.SIGNING_KEY)));
    }
}
