package io.tideline.messaging.tx;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A read sent without waiting ({@link UnitOfWork#sendRead}): it travels with the statements sent around it, and
 * {@link #rows()} waits for its answer only when the work needs it.
 */
public final class SentRead<T> {

    private final UnitOfWork work;
    private final CompletableFuture<RowSet<Row>> answer;
    private final Function<Row, T> mapper;

    SentRead(UnitOfWork work, CompletableFuture<RowSet<Row>> answer, Function<Row, T> mapper) {
        this.work = work;
        this.answer = answer;
        this.mapper = mapper;
    }

    /**
     * Its rows, waited for. When it failed, throws the first failure among the statements sent before it (the cause:
     * after a failed statement the transaction rejects every later one), as a statement waited for does.
     */
    public List<T> rows() {
        RowSet<Row> set = work.awaitRead(answer);
        List<T> result = new ArrayList<>(set.size());
        for (Row row : set) {
            result.add(mapper.apply(row));
        }
        return result;
    }
}
