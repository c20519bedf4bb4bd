package io.tideline.service.problem;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

import java.nio.channels.ClosedChannelException;

/**
 * Whether a request failed because its caller went away while it was being read: the connection closed, or the
 * caller reset its HTTP/2 stream (a client that gave up waiting). Nobody is left to answer, and it is not the
 * service's fault, so it is no error of the service's.
 */
final class CallerWentAway {

    private CallerWentAway() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof StreamResetException
                    || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }
}
