package io.tideline.analytics.api;

import io.tideline.analytics.risk.CorrelationMatrix;
import io.tideline.analytics.risk.ReturnPeriod;
import io.tideline.analytics.risk.RiskMetrics;
import io.tideline.analytics.risk.RiskService;
import io.tideline.analytics.snapshot.Level;
import io.tideline.analytics.stress.StressResult;
import io.tideline.analytics.stress.StressService;
import io.tideline.analytics.stress.StressTest;
import io.tideline.messaging.tx.Transactions;
import io.tideline.service.input.Identifiers;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Risk from the snapshot series; stress tests of the open LP positions with their hedges. */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/risk")
@Tag(name = "Risk")
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {

    private final Transactions transactions;
    private final RiskService risk;
    private final StressService stress;
    private final Clock clock;

    public RiskResource(Transactions transactions, RiskService risk, StressService stress, Clock clock) {
        this.transactions = transactions;
        this.risk = risk;
        this.stress = stress;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Volatility, Sharpe, Sortino, Calmar, max drawdown with dates, historical and parametric"
            + " VaR/CVaR at 95 and 99 % of one scope's value", description = "level DESK (default), BOOK or STRATEGY;"
            + " scope (desk, LP/MM/PM, a strategy id); period HOURLY (default) or DAILY; from/to ISO-8601."
            + " Conventions: see the README.")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it")
    public RiskMetrics metrics(@QueryParam("level") String level, @QueryParam("scope") String scope,
            @QueryParam("period") String period, @QueryParam("from") String from, @QueryParam("to") String to) {
        Level l = Params.choice("level", level, Level.class, Level.DESK);
        String s = scope == null || scope.isEmpty() ? (l == Level.DESK ? "desk" : null) : scope;
        if (s == null) {
            throw io.tideline.service.problem.ProblemException.badField("scope", "is required for level " + l);
        }
        Identifiers.require("scope", s);
        ReturnPeriod p = Params.choice("period", period, ReturnPeriod.class, ReturnPeriod.HOURLY);
        Instant start = Params.instant("from", from, Instant.EPOCH);
        Instant end = Params.instant("to", to, clock.instant());
        Params.window(start, end);
        return risk.metrics(transactions.reads(), l, s, p, start, end);
    }

    @GET
    @Path("/correlation")
    @Operation(summary = "Pearson correlation of strategies' value returns and pools' price returns (pairwise over"
            + " common periods)")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it")
    public CorrelationMatrix correlation(@QueryParam("period") String period, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        ReturnPeriod p = Params.choice("period", period, ReturnPeriod.class, ReturnPeriod.HOURLY);
        Instant start = Params.instant("from", from, Instant.EPOCH);
        Instant end = Params.instant("to", to, clock.instant());
        Params.window(start, end);
        return risk.correlation(transactions.reads(), p, start, end);
    }

    @GET
    @Path("/stress")
    @Operation(summary = "Every open LP position (or one) and its hedge at moves of ±5, 10, 20, 50 % of the volatile"
            + " token's dollar price, with Uniswap v3's exact amounts")
    public List<StressResult> stress(@QueryParam("strategyId") String strategyId) {
        if (strategyId != null) {
            Identifiers.require("strategyId", strategyId);
        }
        return stress.run(transactions.reads(), strategyId, StressTest.SHOCKS);
    }
}
