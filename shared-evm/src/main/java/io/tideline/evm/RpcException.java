package io.tideline.evm;

/** A JSON-RPC call failed: the node is unreachable, answered an error, or answered something unreadable. */
public class RpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean unreachable;

    public RpcException(String message) {
        this(message, null, false);
    }

    public RpcException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private RpcException(String message, Throwable cause, boolean unreachable) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    /** The exchange itself failed (connection refused, timeout, TLS, an HTTP error status): no JSON-RPC answer. */
    public static RpcException unreachable(String message, Throwable cause) {
        return new RpcException(message, cause, true);
    }

    /** Whether no JSON-RPC answer came back at all (as opposed to an error answer or an unreadable one). */
    public boolean unreachable() {
        return unreachable;
    }
}
