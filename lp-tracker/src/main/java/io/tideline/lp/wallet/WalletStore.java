package io.tideline.lp.wallet;

import io.tideline.messaging.tx.Sql;
import io.tideline.messaging.tx.UnitOfWork;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The watched wallets' table ({@code lp_wallet}): which owners are followed on a chain and the block each is synced to
 * (a wallet added with a backfill block starts below the checkpoint and catches up before it joins the main pass).
 */
@ApplicationScoped
public class WalletStore {

    private static final String COLUMNS = "address, label, synced_to, added_at";

    /** Watched wallets, by address. */
    public List<Wallet> list(Sql sql, long chainId) {
        return sql.list("select " + COLUMNS + " from lp_wallet where chain_id = $1 order by address",
                Tuple.of(chainId), WalletStore::wallet);
    }

    /** Watched wallets and the block each is synced to, by address. */
    public Map<String, Long> syncedTo(Sql sql, long chainId) {
        Map<String, Long> wallets = new LinkedHashMap<>();
        sql.list("select address, synced_to from lp_wallet where chain_id = $1 order by address", Tuple.of(chainId),
                r -> Map.entry(r.getString(0), r.getLong(1))).forEach(e -> wallets.put(e.getKey(), e.getValue()));
        return wallets;
    }

    /** Watches a wallet; empty when it is watched already. */
    public Optional<Wallet> insert(UnitOfWork uow, long chainId, String address, String label, long syncedTo) {
        return uow.first("insert into lp_wallet (chain_id, address, label, synced_to) values ($1, $2, $3, $4)"
                        + " on conflict do nothing returning " + COLUMNS,
                Tuple.of(chainId, address, label, syncedTo), WalletStore::wallet);
    }

    /** @return whether it was watched */
    public boolean delete(UnitOfWork uow, long chainId, String address) {
        return uow.exec("delete from lp_wallet where chain_id = $1 and address = $2", chainId, address) > 0;
    }

    public void addIfAbsent(UnitOfWork uow, long chainId, String address, long syncedTo) {
        uow.exec("insert into lp_wallet (chain_id, address, synced_to) values ($1, $2, $3) on conflict do nothing",
                chainId, address, syncedTo);
    }

    public void synced(UnitOfWork uow, long chainId, Set<String> addresses, long block) {
        uow.exec("update lp_wallet set synced_to = $3 where chain_id = $1 and address = any($2)",
                chainId, addresses.toArray(String[]::new), block);
    }

    /** After a rewind to {@code block}: no wallet is synced beyond it. */
    public void rewind(UnitOfWork uow, long chainId, long block) {
        uow.exec("update lp_wallet set synced_to = $2 where chain_id = $1 and synced_to > $2", chainId, block);
    }

    private static Wallet wallet(Row r) {
        return new Wallet(r.getString("address"), r.getString("label"), r.getLong("synced_to"),
                Sql.instant(r, "added_at"));
    }
}
