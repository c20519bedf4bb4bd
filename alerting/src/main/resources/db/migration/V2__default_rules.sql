-- The rules a fresh platform alerts with out of the box (README: "Default rules"). Seeded once: a rule an admin
-- changes or deletes stays as they left it. Money thresholds are in the subject's unit (token1 for LP positions, the
-- venue's collateral for P&L).
insert into alert_rule (rule_id, name, kind, scope_type, scope_value, params, severity, channels, cooldown_s,
                        escalation, enabled, created_at, updated_at) values
('default.out-of-range', 'LP position out of range for 30 minutes', 'OUT_OF_RANGE', 'GLOBAL', null,
    '{"forSeconds": 1800}', 'MEDIUM', '["push"]', 3600, '{"afterSeconds": 3600, "maxTimes": 1, "channels": []}',
    true, now(), now()),
('default.impermanent-loss', 'Impermanent loss over 5 % of cost', 'IMPERMANENT_LOSS', 'GLOBAL', null,
    '{"percent": "5"}', 'HIGH', '["push"]', 3600, null, true, now(), now()),
('default.position-closed', 'LP position closed or transferred away', 'POSITION_CLOSED', 'GLOBAL', null,
    '{}', 'LOW', '["push"]', 0, null, true, now(), now()),
('default.hedge-failed', 'Hedge order failed', 'HEDGE_FAILED', 'GLOBAL', null,
    '{}', 'HIGH', '["push"]', 300, '{"afterSeconds": 900, "maxTimes": 1, "channels": []}', true, now(), now()),
('default.unhedged', 'LP position unhedged for 10 minutes', 'UNHEDGED', 'GLOBAL', null,
    '{"forSeconds": 600}', 'HIGH', '["push"]', 1800, null, true, now(), now()),
('default.hedge-drift', 'Hedge drift beyond 10 %', 'HEDGE_DRIFT', 'GLOBAL', null,
    '{"percent": "10"}', 'MEDIUM', '["push"]', 1800, null, true, now(), now()),
('default.uncovered-inventory', 'Market-maker inventory uncovered for 15 minutes', 'UNCOVERED_INVENTORY', 'GLOBAL', null,
    '{"forSeconds": 900}', 'MEDIUM', '["push"]', 3600, null, true, now(), now()),
('default.stop-loss', 'Market-making stop-loss tripped', 'STOP_LOSS', 'GLOBAL', null,
    '{}', 'CRITICAL', '["push"]', 0, null, true, now(), now()),
('default.unmatched-execution', 'Execution without an arbitrage alert', 'UNMATCHED_EXECUTION', 'GLOBAL', null,
    '{}', 'LOW', '["push"]', 3600, null, true, now(), now()),
('default.dead-letter', 'A record was dead-lettered', 'DEAD_LETTER', 'GLOBAL', null,
    '{}', 'HIGH', '["push"]', 0, null, true, now(), now()),
('default.service-not-ready', 'A service not ready for 2 minutes', 'SERVICE_NOT_READY', 'GLOBAL', null,
    '{"forSeconds": 120}', 'CRITICAL', '["push"]', 600, null, true, now(), now());
