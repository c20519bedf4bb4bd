package io.tideline.lp.health;

import io.tideline.lp.sync.ChainFollower;
import io.tideline.lp.sync.FollowerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready unless the chain follower is failing (node unreachable, RPC errors, database errors while syncing). */
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
                .withData("checkpoint", status.checkpoint())
                .withData("confirmedHead", status.confirmedHead())
                .build();
    }
}
