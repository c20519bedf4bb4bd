package io.tideline.analytics.api;

import io.tideline.analytics.portfolio.Book;
import io.tideline.analytics.portfolio.Portfolio;
import io.tideline.analytics.readmodel.PortfolioQueries;
import io.tideline.messaging.tx.Transactions;
import io.tideline.service.input.Identifiers;
import io.tideline.service.problem.ProblemException;
import io.tideline.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The portfolio now at each level: the desk, a book, a strategy; dollars at scale 18 (strings in JSON). */
@RolesAllowed(Roles.VIEWER)
@Path("/api/v1/portfolio")
@Tag(name = "Portfolio")
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioResource {

    private final Transactions transactions;
    private final PortfolioQueries queries;
    private final Clock clock;

    public PortfolioResource(Transactions transactions, PortfolioQueries queries, Clock clock) {
        this.transactions = transactions;
        this.queries = queries;
        this.clock = clock;
    }

    /** One book with its strategies. */
    public record BookView(Portfolio.BookFigures book, List<Portfolio.StrategyFigures> strategies) {
    }

    @GET
    @Operation(summary = "The desk, its books (LP, MM, PM) and every strategy, valued at the latest marks")
    public Portfolio desk() {
        return now();
    }

    @GET
    @Path("/books/{book}")
    @Operation(summary = "One book (LP, MM or PM) with its strategies")
    @APIResponse(responseCode = "400", description = "Not a book")
    public BookView book(@PathParam("book") String book) {
        Book b = Params.choice("book", book, Book.class, null);
        Portfolio p = now();
        return new BookView(p.books().stream().filter(x -> x.book() == b).findFirst().orElseThrow(),
                p.strategies().stream().filter(s -> s.book() == b).toList());
    }

    @GET
    @Path("/strategies/{strategyId}")
    @Operation(summary = "One strategy: an LP position with its hedge (id = the position key chainId:manager:tokenId),"
            + " mm:<session>:<pair>, or pm:<wallet>")
    @APIResponse(responseCode = "404", description = "No such strategy")
    public Portfolio.StrategyFigures strategy(@PathParam("strategyId") String strategyId) {
        Identifiers.require("strategyId", strategyId);
        return now().strategies().stream().filter(s -> s.strategyId().equals(strategyId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("strategy " + strategyId));
    }

    private Portfolio now() {
        return queries.now(transactions.reads(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
