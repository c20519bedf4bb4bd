package io.tideline.messaging.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableExceptionTest {

    @Test
    void aStatementTheDatabaseRefusedStaysAsItIs() {
        PgException unique = new PgException("duplicate key", "ERROR", "23505", "detail");
        PgException badText = new PgException("invalid input syntax", "ERROR", "22P02", null);

        assertThat(DatabaseUnavailableException.unlessRefused(unique)).isSameAs(unique);
        assertThat(DatabaseUnavailableException.unlessRefused(badText)).isSameAs(badText);
    }

    @Test
    void noConnectionOrNoAnswerIsAnOutage() {
        Throwable refused = new ConnectException("Connection refused");
        Throwable closed = new VertxException("Connection is not active now", true);
        PgException shutdown = new PgException("terminating connection due to administrator command", "FATAL",
                "57P01", null);
        PgException tooMany = new PgException("sorry, too many clients already", "FATAL", "53300", null);
        PgException broken = new PgException("connection failure", "FATAL", "08006", null);

        for (Throwable failure : new Throwable[] {refused, closed, shutdown, tooMany, broken}) {
            assertThat(DatabaseUnavailableException.unlessRefused(failure))
                    .as(failure.getMessage())
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasCause(failure);
        }
    }

    @Test
    void anOutageIsNotWrappedTwice() {
        DatabaseUnavailableException outage = new DatabaseUnavailableException("away", null);

        assertThat(DatabaseUnavailableException.unlessRefused(outage)).isSameAs(outage);
    }
}
