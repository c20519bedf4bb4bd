package io.tideline.analytics.portfolio;

import java.time.Instant;
import java.util.List;

/**
 * The desk at one moment, at four levels: each strategy (an LP position with its hedge, a market-making session-pair,
 * a prediction-market wallet), each book, the desk.
 */
public record Portfolio(Instant at, Figures desk, List<BookFigures> books, List<StrategyFigures> strategies) {

    /** One strategy's figures. */
    public record StrategyFigures(String strategyId, Book book, String name, String status, String correlationId,
                                  String pool, String hedgeMarket, Figures figures) {
    }

    /** One book's figures: the exact sum of its strategies'. */
    public record BookFigures(Book book, int strategies, Figures figures) {
    }

    /** Rolls strategies up into books and the desk (every book listed, empty ones at zero). */
    public static Portfolio of(Instant at, List<StrategyFigures> strategies) {
        Figures desk = Figures.ZERO;
        List<BookFigures> books = new java.util.ArrayList<>();
        for (Book book : Book.values()) {
            Figures sum = Figures.ZERO;
            int n = 0;
            for (StrategyFigures s : strategies) {
                if (s.book() == book) {
                    sum = sum.plus(s.figures());
                    n++;
                }
            }
            books.add(new BookFigures(book, n, sum));
            desk = desk.plus(sum);
        }
        return new Portfolio(at, desk, List.copyOf(books), List.copyOf(strategies));
    }
}
