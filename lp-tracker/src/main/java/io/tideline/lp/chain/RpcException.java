package io.tideline.lp.chain;

/** A JSON-RPC call failed: the node is unreachable, answered an error, or answered something unreadable. */
public class RpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RpcException(String message) {
        super(message);
    }

    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
