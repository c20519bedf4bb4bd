package io.tideline.lp.sync;

import io.tideline.events.lp.LpValued;
import io.tideline.events.market.PriceObserved;
import io.tideline.evm.BlockHeader;
import io.tideline.lp.position.Fact;
import io.tideline.lp.position.PoolState;
import io.tideline.lp.position.Position;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What one pass over [from, to] found: to be written in one transaction. */
public record PassResult(long from, long to, Map<Long, BlockHeader> headers, List<Fact> facts,
                         List<LpValued> valuations, List<PriceObserved> prices, Collection<Position> changedPositions,
                         Collection<PoolState> pools) {

    public BlockHeader last() {
        return headers.get(to);
    }

    public BlockHeader first() {
        return headers.get(from);
    }
}
