-- Funding of a strategy's hedge, summed from perp-hedger's FundingPaid (positive received, negative paid); null while
-- no payment has been reported (the figures then count zero and say so).
alter table strategy add column funding numeric;
