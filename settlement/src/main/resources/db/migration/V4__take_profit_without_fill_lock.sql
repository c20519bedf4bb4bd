-- A take-profit's fill is no longer checked by a foreign key: the check took a FOR KEY SHARE row lock on the fill for
-- every take-profit written (a write to mm_fill, WAL included), which was a third of the cost of writing PLACING rows
-- in a settlement run (ADR 0024). tp_order rows are written only from fills read in the same database, and fills are
-- never deleted; tp_fill keeps its key to tp_order (not on the run's path).
alter table tp_order drop constraint tp_order_fill_key_fkey;
