package io.tideline.pnl.execution;

/** The market and outcome an outcome token id stands for. */
public record OutcomeRef(String venue, String market, String outcome) {
}
