package io.tideline.bench.amm;

import io.tideline.amm.PositionMathCases;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Prints {@link PositionMathCases#generate(long, int)}'s case lines on standard output, one per line, so that
 * {@code bench/amm-vs-sdk.sh} gives Node.js exactly the cases {@link PositionMathVsSdkBenchmark} draws from the same
 * seed. Usage: {@code PositionMathCaseLines <seed> <cases per function>}.
 */
public final class PositionMathCaseLines {

    private PositionMathCaseLines() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PositionMathCaseLines <seed> <cases per function>");
        }
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        for (PositionMathCases.Case c : PositionMathCases.generate(Long.parseLong(args[0]), Integer.parseInt(args[1]))) {
            out.write(c.line());
            out.newLine();
        }
        out.flush();
    }
}
