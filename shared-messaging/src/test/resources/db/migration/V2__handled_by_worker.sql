-- Which worker thread handled a message (ParallelTestInbox: several workers on one stream).
alter table handled_message add column worker varchar(100);
