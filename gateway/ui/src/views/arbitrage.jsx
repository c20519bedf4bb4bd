import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Badge, LoadState } from '../components.jsx';
import { useLiveData } from '../hooks.js';
import { isPredictionMarketEvent } from '../live.js';
import { formatDecimal } from '../money.js';
import { percent } from './pm.jsx';

function Stat({ label, value, testid }) {
  return (
    <div class="card">
      <h2>{label}</h2>
      <p class="big num" data-testid={testid}>{value}</p>
    </div>
  );
}

function Conversion() {
  const state = useLiveData(() => api('/api/v1/arbitrage-alerts/stats'), isPredictionMarketEvent);
  const s = state.data;
  return (
    <>
      <LoadState state={state} what="the conversion figures" />
      {s && (
        <div class="cards" aria-label="Alert to execution conversion" role="group">
          <Stat label="Conversion" value={percent(s.conversionRate)} testid="arb-conversion" />
          <Stat label="Alerts" value={s.alerts} testid="arb-alerts" />
          <Stat label="Converted (traded)" value={s.converted} testid="arb-converted" />
          <Stat label="Open" value={s.open} testid="arb-open" />
          <Stat label="Expired" value={s.expired} testid="arb-expired" />
          <Stat label="Executions matched / unmatched" value={`${s.executionsMatched} / ${s.executionsUnmatched}`} testid="arb-executions" />
        </div>
      )}
    </>
  );
}

function AlertDetail({ alertId }) {
  const state = useLiveData(() => api(`/api/v1/arbitrage-alerts/${encodeURIComponent(alertId)}`), isPredictionMarketEvent, [alertId]);
  const a = state.data;
  return (
    <div class="card" data-arbitrage-alert={alertId}>
      <h2>Alert {alertId}</h2>
      <LoadState state={state} what={`alert ${alertId}`} />
      {a && (
        <>
          <p>
            <Badge kind={a.status}>{a.status}</Badge>{' '}
            <span class="small">expected edge <strong class="num" data-testid="arb-edge">{formatDecimal(a.expectedEdge, { places: 4 })}</strong>
              {' '}· <span data-testid="arb-executions-of-alert">{a.executions}</span> executions · created {a.createdAt} · expires {a.expiresAt}</span>
          </p>
          <div class="table-wrap">
            <table class="compact">
              <caption class="visually-hidden">Legs of alert {alertId}</caption>
              <thead><tr><th scope="col">Venue</th><th scope="col">Market</th><th scope="col">Outcome</th>
                <th scope="col">Side</th><th scope="col" class="r">Expected price</th></tr></thead>
              <tbody>
                {a.legs.map((l) => (
                  <tr key={`${l.venue}:${l.market}:${l.outcome}:${l.side}`} data-leg={l.venue}>
                    <th scope="row">{l.venue}</th><td>{l.market}</td><td>{l.outcome}</td><td>{l.side}</td>
                    <td class="r num">{formatDecimal(l.expectedPrice, { places: 4 })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

/** Arbitrage alerts: conversion into executions, and one alert looked up by id (pnl-ingest has no list of them). */
export function ArbitrageView({ param }) {
  const [draft, setDraft] = useState(param ?? '');
  const alertId = param;
  function lookUp(e) {
    e.preventDefault();
    const id = draft.trim();
    if (id) location.hash = `#/arbitrage/${encodeURIComponent(id)}`;
  }
  return (
    <section aria-labelledby="arb-title">
      <h1 id="arb-title">Arbitrage alerts</h1>
      <Conversion />
      <form class="filters" onSubmit={lookUp}>
        <label>
          Alert id
          <input value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
        </label>
        <button type="submit">Look up</button>
      </form>
      {alertId && <AlertDetail alertId={alertId} />}
    </section>
  );
}
