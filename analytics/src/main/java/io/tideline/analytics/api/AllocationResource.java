package io.tideline.analytics.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tideline.analytics.allocation.Allocation;
import io.tideline.analytics.allocation.AllocationMethod;
import io.tideline.analytics.allocation.Allocator;
import io.tideline.analytics.allocation.ReturnEstimates;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.tideline.analytics.api.BacktestRequest.choice;
import static io.tideline.analytics.api.BacktestRequest.decimal;

/**
 * Splits capital across pools by risk parity or mean-variance ({@link Allocator}) from each pool's return series
 * (realized or backtested, the same periods for all). It computes; it keeps nothing.
 */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/analytics/allocations")
@Tag(name = "Suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class AllocationResource {

    private static final int MAX_POOLS = 100;
    private static final int MAX_PERIODS = 100_000;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Split capital across pools (RISK_PARITY or MEAN_VARIANCE) from their return series")
    @APIResponse(responseCode = "200", description = "The weights, dollar parts and risk contributions")
    @APIResponse(responseCode = "400", description = "A field is invalid; the problem names it")
    public Allocation allocate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badField("body", "must be a JSON object");
        }
        AllocationMethod method = choice(body, "method", AllocationMethod.class);
        BigDecimal capital = decimal(body, "capital");
        if (capital.signum() < 0) {
            throw ProblemException.badField("capital", "must be zero or more");
        }
        JsonNode pools = body.get("pools");
        if (pools == null || !pools.isArray() || pools.size() < 1 || pools.size() > MAX_POOLS) {
            throw ProblemException.badField("pools", "is required: 1 to " + MAX_POOLS
                    + " objects {pool, returns: [per-period returns]}");
        }
        List<String> names = new ArrayList<>();
        List<double[]> returns = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            JsonNode p = pools.get(i);
            String at = "pools[" + i + "]";
            JsonNode name = p.get("pool");
            names.add(Identifiers.require(at + ".pool", name == null || !name.isTextual() ? null : name.asText()));
            JsonNode series = p.get("returns");
            if (series == null || !series.isArray() || series.size() < 2 || series.size() > MAX_PERIODS) {
                throw ProblemException.badField(at + ".returns", "is required: 2 to " + MAX_PERIODS
                        + " per-period returns");
            }
            if (!returns.isEmpty() && series.size() != returns.get(0).length) {
                throw ProblemException.badField(at + ".returns", "must have as many periods as pools[0] ("
                        + returns.get(0).length + ")");
            }
            double[] r = new double[series.size()];
            for (int k = 0; k < r.length; k++) {
                JsonNode v = series.get(k);
                if (!v.isNumber() && !v.isTextual()) {
                    throw ProblemException.badField(at + ".returns", "must hold numbers");
                }
                try {
                    r[k] = Double.parseDouble(v.asText());
                } catch (NumberFormatException e) {
                    throw ProblemException.badField(at + ".returns", "must hold numbers");
                }
                if (!Double.isFinite(r[k]) || r[k] <= -1) {
                    throw ProblemException.badField(at + ".returns", "must hold finite returns above -1");
                }
            }
            returns.add(r);
        }
        try {
            return Allocator.allocate(method, ReturnEstimates.fromReturns(names, returns), capital);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("pools", e.getMessage());
        }
    }
}
