-- Lineage: each fill keeps the FillRecorded that recorded it (its event id and correlation id); every settlement event
-- about the fill (PositionUncovered, TakeProfitPlaced, TakeProfitFilled) is made from it, so one correlation id runs
-- from the fill to its take-profit's fill. A session keeps the correlation id of the first fill recorded for it, which
-- its SessionSettled events carry. Rows written before this have none: the fill's derived FillRecorded id stands in.
alter table mm_fill add column event_id uuid, add column correlation_id text;
alter table mm_session add column correlation_id text;
