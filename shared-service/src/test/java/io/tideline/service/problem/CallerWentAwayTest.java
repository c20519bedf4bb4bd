package io.tideline.service.problem;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerWentAwayTest {

    @Test
    void aBodyThatBrokeOffBecauseTheCallerLeftIsNoServerError() {
        // as Quarkus REST raises them while reading a body: IOException(IOException(the Vert.x cause))
        Exception closed = new IOException(new IOException(new HttpClosedException("Stream was closed")));
        Exception reset = new IOException(new IOException(new StreamResetException(8)));

        assertTrue(CallerWentAway.causes(closed));
        assertTrue(CallerWentAway.causes(reset));
        Response answer = new ProblemMappers().unexpected(reset, null);
        assertEquals(400, answer.getStatus());
        assertEquals("the request broke off before it was read", ((Problem) answer.getEntity()).detail());
    }

    @Test
    void anyOtherFailureStaysAServerError() {
        Exception disk = new IOException("No space left on device");

        assertFalse(CallerWentAway.causes(disk));
        assertFalse(CallerWentAway.causes(new IllegalStateException(new RuntimeException("boom"))));
        assertEquals(500, new ProblemMappers().unexpected(disk, null).getStatus());
    }
}
