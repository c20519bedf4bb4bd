package io.tideline.lp.wallet;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A watched owner wallet, as the API shows it. */
@Schema(description = "A watched owner wallet: its LP NFTs are followed. syncedTo: the last block whose logs were"
        + " applied for it (below the checkpoint while a backfill catches up).")
public record Wallet(@Schema(example = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266") String address, String label,
                     long syncedTo, Instant addedAt) {
}
