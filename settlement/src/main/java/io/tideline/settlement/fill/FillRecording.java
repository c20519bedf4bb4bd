package io.tideline.settlement.fill;

import io.tideline.events.EventEnvelope;
import io.tideline.events.mm.FillRecorded;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What recording a batch of fills decides, apart from the database: each (session, pair) is touched once, at its
 * latest fill, and a session new to us takes the lineage of the batch's first fill of it; a fill is new only where the
 * database inserted it, and only its first copy in the batch; each new fill this service records (API, importer) is
 * announced once as FillRecorded, a root event whose id is derived from the fill's identity.
 */
final class FillRecording {

    /** One (session, pair) to create or move: its latest fill of the batch, and the lineage of its first. */
    record Touch(FillSubmission latest, FillLineage first) {
    }

    private FillRecording() {
    }

    /** One touch per (session, pair), in the order the batch first names them; {@code lineage} is per fill. */
    static List<Touch> sessionTouches(List<FillSubmission> fills, List<FillLineage> lineage) {
        Map<String, Touch> touches = new LinkedHashMap<>();
        for (int i = 0; i < fills.size(); i++) {
            FillSubmission f = fills.get(i);
            FillLineage l = lineage.get(i);
            touches.merge(f.key(), new Touch(f, l), (a, b) -> new Touch(
                    b.latest().filledAt().isAfter(a.latest().filledAt()) ? b.latest() : a.latest(), a.first()));
        }
        return List.copyOf(touches.values());
    }

    /** Which fills are new (true), given the identities the database inserted: a repeat in the batch is not. */
    static List<Boolean> created(List<FillSubmission> fills, Collection<List<String>> inserted) {
        Set<List<String>> unclaimed = new HashSet<>(inserted);
        List<Boolean> created = new ArrayList<>(fills.size());
        for (FillSubmission f : fills) {
            created.add(unclaimed.remove(f.identity()));
        }
        return created;
    }

    /** A fill this service records itself is the root of its chain: its own FillRecorded is its cause. */
    static FillLineage ownLineage(FillSubmission fill) {
        return new FillLineage(fill.eventId(), fill.eventId().toString());
    }

    /** The FillRecorded events of the new fills, in order. */
    static List<EventEnvelope<FillRecorded>> announcements(String service, List<FillSubmission> fills,
            List<Boolean> created) {
        List<EventEnvelope<FillRecorded>> events = new ArrayList<>();
        for (int i = 0; i < fills.size(); i++) {
            if (created.get(i)) {
                FillSubmission f = fills.get(i);
                events.add(EventEnvelope.identified(f.eventId(), f.filledAt(), service, f.key(), f.toEvent()));
            }
        }
        return events;
    }
}
