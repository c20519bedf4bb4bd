package io.tideline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tideline.messaging.tx.SentRead;
import io.tideline.messaging.tx.Transactions;
import io.tideline.messaging.tx.UnitOfWork;
import io.tideline.testing.TidelineTestResources;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statements a unit of work sends without waiting ({@code UnitOfWork.send}, {@code sendRead}): in order, seen, and
 * failing as themselves.
 */
@QuarkusTest
@WithTestResource(value = TidelineTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PipelinedStatementsTest {

    private static final String INSERT = "insert into pipelined_write (run, n) values ($1, $2)";

    @Inject
    Transactions transactions;

    private final String run = UUID.randomUUID().toString();

    @BeforeEach
    void table() {
        transactions.reads().exec("create table if not exists pipelined_write (run text not null, n int not null,"
                + " seq bigserial, primary key (run, n))");
    }

    @Test
    void theStatementsAfterSentWritesSeeThemInTheOrderSent() {
        List<Integer> seen = transactions.run(uow -> {
            for (int n = 1; n <= 50; n++) {
                uow.send(INSERT, Tuple.of(run, n));
            }
            uow.sendBatch(INSERT, List.of(Tuple.of(run, 51), Tuple.of(run, 52)));
            return uow.list("select n from pipelined_write where run = $1 order by seq", Tuple.of(run),
                    r -> r.getInteger(0));
        });

        assertThat(seen).hasSize(52).isSorted();
        assertThat(committed()).isEqualTo(52);
    }

    @Test
    void aSentWriteThatFailsIsWhatTheNextAwaitedStatementThrowsAndNothingIsKept() {
        failsOnTheDuplicateKeyKeepingNothing(uow -> {
            uow.send(INSERT, Tuple.of(run, 1));
            uow.send(INSERT, Tuple.of(run, 1)); // the primary key again
            uow.send(INSERT, Tuple.of(run, 2)); // runs in an aborted transaction
            uow.one("select count(*) from pipelined_write where run = $1", Tuple.of(run), r -> r.getLong(0));
        });
    }

    @Test
    void aSentWriteThatFailsLastFailsTheCommit() {
        failsOnTheDuplicateKeyKeepingNothing(uow -> {
            uow.exec(INSERT, Tuple.of(run, 1));
            uow.send(INSERT, Tuple.of(run, 1));
        });
    }

    @Test
    void theNextUnitOfWorkOnTheConnectionStartsClean() {
        assertThatThrownBy(() -> transactions.execute(uow -> {
            uow.send(INSERT, Tuple.of(run, 1));
            uow.send(INSERT, Tuple.of(run, 1));
            throw new IllegalStateException("the work fails before it waits for anything");
        })).isInstanceOf(IllegalStateException.class);

        for (int i = 0; i < 20; i++) { // more units than the pool has connections
            int n = 100 + i;
            transactions.execute(uow -> uow.send(INSERT, Tuple.of(run, n)));
        }
        assertThat(committed()).isEqualTo(20);
    }

    @Test
    void sentReadsSeeWhatWasSentBeforeThemAndAnswerWhenAsked() {
        List<Long> counts = transactions.run(uow -> {
            uow.send(INSERT, Tuple.of(run, 1));
            uow.send(INSERT, Tuple.of(run, 2));
            SentRead<Long> afterTwo = uow.sendRead("select count(*) from pipelined_write where run = $1",
                    Tuple.of(run), r -> r.getLong(0));
            uow.send(INSERT, Tuple.of(run, 3));
            SentRead<Integer> all = uow.sendRead("select n from pipelined_write where run = $1 order by n desc",
                    Tuple.of(run), r -> r.getInteger(0));
            List<Integer> ns = all.rows(); // asked out of order: each waits for its own answer
            assertThat(ns).containsExactly(3, 2, 1);
            return List.of(afterTwo.rows().get(0), (long) ns.size());
        });

        assertThat(counts).containsExactly(2L, 3L);
        assertThat(committed()).isEqualTo(3);
    }

    @Test
    void aSentReadAfterAFailedWriteThrowsTheWritesFailureNotTheAbortedTransactions() {
        failsOnTheDuplicateKeyKeepingNothing(uow -> {
            uow.send(INSERT, Tuple.of(run, 1));
            uow.send(INSERT, Tuple.of(run, 1)); // the primary key again
            uow.sendRead("select count(*) from pipelined_write where run = $1", Tuple.of(run), r -> r.getLong(0))
                    .rows();
        });
    }

    /** The work fails with the duplicate primary key's own failure (not the aborted transaction's), and rolls back. */
    private void failsOnTheDuplicateKeyKeepingNothing(Consumer<UnitOfWork> work) {
        assertThatThrownBy(() -> transactions.execute(work)).isInstanceOf(PgException.class)
                .satisfies(e -> assertThat(((PgException) e).getSqlState()).isEqualTo("23505"));
        assertThat(committed()).isZero();
    }

    private long committed() {
        return transactions.reads().one("select count(*) from pipelined_write where run = $1", Tuple.of(run),
                r -> r.getLong(0));
    }
}
