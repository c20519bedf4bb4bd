package io.tideline.pnl.execution;

import io.tideline.messaging.tx.Transactions;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The executions API's reads. */
@ApplicationScoped
public class ExecutionQueries {

    private final Transactions transactions;

    public ExecutionQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    /** A user's executions, newest first. */
    public List<ExecutionView> ofUser(String user, int limit) {
        return transactions.reads().list("select * from execution where user_id = $1"
                + " order by executed_at desc, execution_id desc limit $2", Tuple.of(user, limit),
                r -> ExecutionView.of(ExecutionStore.stored(r), "recorded"));
    }
}
