package io.tideline.service.problem;

import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.math.BigDecimal;
import java.math.BigInteger;

/** A resource that exists only in this module's tests, to drive every kind of bad input through the mappers. */
@RolesAllowed(Roles.VIEWER)
@Path("/test/orders")
public class OrderProbeResource {

    public record Order(@NotBlank String market, @NotNull BigInteger amount, @NotNull BigDecimal price) {
    }

    @POST
    public Order echo(@Valid Order order) {
        return order;
    }

    @POST
    @Path("/bulk")
    public int bulk(java.util.List<Order> orders) {
        return orders.size();
    }

    @GET
    public String list(@QueryParam("limit") @Min(1) int limit) {
        return "ok";
    }

    @POST
    @Path("/busy")
    public String busy() {
        throw new TryLaterException("too many orders are waiting; try again later", java.time.Duration.ofMillis(7_500));
    }

    @GET
    @Path("/{id}")
    public String one(@PathParam("id") String id) {
        throw ProblemException.notFound("order " + id + " does not exist");
    }
}
