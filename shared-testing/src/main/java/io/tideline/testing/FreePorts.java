package io.tideline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Picks loopback ports nothing listens on, for the servers and processes tests start. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A loopback port free at this moment (another process may take it before the caller binds it). */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
