package io.tideline.lp.health;

import io.tideline.lp.sync.ChainFollower;
import io.tideline.lp.sync.FollowerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready unless the chain follower is failing (node unreachable, RPC errors, database errors while syncing, another
 * chain than the checkpoint's). Its data is what an operator may see: the node by host only, and a sentence, never an
 * exception's message.
 */
@Readiness
@ApplicationScoped
public class ChainReadiness implements HealthCheck {

    private final ChainFollower follower;

    public ChainReadiness(ChainFollower follower) {
        this.follower = follower;
    }

    @Override
    public HealthCheckResponse call() {
        FollowerStatus status = follower.status();
        return HealthCheckResponse.named("chain")
                .status(!status.failing())
                .withData("state", status.state())
                .withData("detail", status.detail() == null ? "" : status.detail())
                .withData("node", status.node() == null ? "" : status.node())
                .withData("checkpoint", status.checkpoint())
                .withData("confirmedHead", status.confirmedHead())
                .build();
    }
}
