import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { callerMay, subjectOf } from '../auth.js';
import { Badge, LoadState } from '../components.jsx';
import { useLiveData } from '../hooks.js';
import { isSettlementEvent } from '../live.js';
import { formatDecimal, formatUsd } from '../money.js';
import { AGE_TIERS, byAgeTier, LIVE_STATES, remaining, uncoveredByPair } from '../settlement.js';

async function loadSettlement() {
  const [stats, sessions, uncovered, runs, ...live] = await Promise.all([
    api('/api/v1/stats'),
    api('/api/v1/sessions?limit=200'),
    api('/api/v1/positions/uncovered?limit=1000'),
    api('/api/v1/settlement/runs?limit=20'),
    ...LIVE_STATES.map((s) => api(`/api/v1/take-profits?state=${s}&limit=1000`)),
  ]);
  return { stats, sessions, uncovered, runs, live: live.flat() };
}

function Dec({ value, places = 4 }) {
  return value == null ? <span class="muted">—</span> : <span class="num">{formatDecimal(value, { places })}</span>;
}

function Stats({ stats }) {
  const live = LIVE_STATES.reduce((n, s) => n + (stats.takeProfitsByState[s] ?? 0), 0);
  const cards = [
    ['Sessions', `${stats.activeSessions} / ${stats.sessions}`, 'active within the lookback / all', 'sessions'],
    ['Stopped by stop-loss', String(stats.stoppedSessions), 'no new take-profits until acknowledged', 'stopped'],
    ['Live take-profits', String(live), `${stats.takeProfitFills} take-profit fills so far`, 'live-tps'],
    ['Runs', String(stats.runs), stats.lastRunAt ? `last ${stats.lastRunAt}, ${stats.lastRunMillis} ms` : 'none yet', 'runs'],
    ['Duplicates prevented', String(stats.duplicatesPrevented), 'orders not placed twice', 'duplicates'],
  ];
  return (
    <div class="cards">
      {cards.map(([title, value, note, id]) => (
        <section class="card" key={id} aria-label={title}>
          <h2>{title}</h2>
          <p class="big num" data-stat={id}>{value}</p>
          <p class="muted small">{note}</p>
        </section>
      ))}
    </div>
  );
}

function Sessions({ sessions, mayTrade, onAcknowledge, busy }) {
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label="Sessions and their stop-loss">
      <table>
        <thead><tr>
          <th scope="col">Session</th><th scope="col">Venue</th><th scope="col">Pairs</th><th scope="col" class="r">Fills</th>
          <th scope="col">Stop-loss</th><th scope="col" class="r">Loss at trip</th><th scope="col" class="r">Trips</th>
          <th scope="col" class="r">Acknowledged loss</th><th scope="col">Last activity</th><th scope="col">Actions</th>
        </tr></thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.sessionId} data-session={s.sessionId}>
              <th scope="row">{s.sessionId}</th>
              <td>{s.venue}</td>
              <td class="small">{s.pairs.join(', ')}</td>
              <td class="r num">{s.fills}</td>
              <td><Badge kind={s.stopLossState === 'TRIPPED' ? 'failed' : 'active'}>{s.stopLossState}</Badge>
                {s.stopLossTrippedAt && s.stopLossState === 'TRIPPED' && <span class="small muted"> since {s.stopLossTrippedAt}</span>}</td>
              <td class="r">{s.stopLossLoss == null ? <span class="muted">—</span> : <span class="num loss">{formatUsd(s.stopLossLoss)}</span>}</td>
              <td class="r num">{s.stopLossTrips}</td>
              <td class="r"><span class="num">{formatUsd(s.acknowledgedLoss)}</span>
                {s.acknowledgedBy && <span class="small muted"> by {s.acknowledgedBy}</span>}</td>
              <td class="small">{s.lastActivityAt}</td>
              <td class="actions">
                {mayTrade && s.stopLossState === 'TRIPPED' && (
                  <button type="button" disabled={busy} onClick={() => onAcknowledge(s)}>
                    Acknowledge<span class="visually-hidden"> the stop-loss of session {s.sessionId}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Uncovered({ positions }) {
  const pairs = uncoveredByPair(positions);
  if (positions.length === 0) return <p class="muted">Every open position has a take-profit.</p>;
  return (
    <>
      <ul class="plain cards" aria-label="Uncovered quantity by pair">
        {pairs.map((p) => (
          <li class="card" key={p.pair} data-uncovered-pair={p.pair}>
            <h3>{p.pair}</h3>
            <p class="big num" data-testid="uncovered-qty">{formatDecimal(p.quantity, { places: 4 })}</p>
            <p class="small">{p.positions} position{p.positions === 1 ? '' : 's'} · <span class="num" data-testid="uncovered-value">{formatUsd(p.atEntry)}</span> at entry</p>
          </li>
        ))}
      </ul>
      <div class="table-wrap" role="region" tabIndex={0} aria-label="Uncovered positions">
        <table>
          <thead><tr>
            <th scope="col">Session</th><th scope="col">Pair</th><th scope="col">Trade</th><th scope="col" class="r">Entry</th>
            <th scope="col" class="r">Quantity</th><th scope="col" class="r">Open</th><th scope="col" class="r">Uncovered</th>
            <th scope="col">Age tier</th><th scope="col" class="r">Take-profit price</th><th scope="col">Filled at</th>
          </tr></thead>
          <tbody>
            {positions.map((p) => (
              <tr key={`${p.venue}:${p.orderId}:${p.tradeId}`} data-position={p.tradeId}>
                <td>{p.sessionId}</td><td>{p.pair}</td><td class="small">{p.tradeId}</td>
                <td class="r"><Dec value={p.entryPrice} /></td><td class="r"><Dec value={p.quantity} /></td>
                <td class="r"><Dec value={p.openQuantity} /></td><td class="r"><Dec value={p.uncoveredQuantity} /></td>
                <td>{AGE_TIERS[p.ageTier] ?? p.ageTier}</td><td class="r"><Dec value={p.takeProfitPrice} /></td>
                <td class="small">{p.filledAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function LiveTakeProfits({ orders }) {
  const tiers = byAgeTier(orders);
  return (
    <>
      <div class="table-wrap" role="region" tabIndex={0} aria-label="Live take-profits by age tier">
        <table class="compact">
          <thead><tr><th scope="col">Age tier</th><th scope="col" class="r">Orders</th><th scope="col" class="r">Value at their prices</th></tr></thead>
          <tbody>
            {tiers.map((t) => (
              <tr key={t.tier} data-tier={t.tier}>
                <th scope="row">{t.tier} · {t.label}</th>
                <td class="r num">{t.orders}</td>
                <td class="r num">{formatUsd(t.notional)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {orders.length > 0 && (
        <details class="small">
          <summary>The {orders.length} live take-profits</summary>
          <div class="table-wrap">
            <table class="compact">
              <thead><tr>
                <th scope="col">Order</th><th scope="col">Session</th><th scope="col">Pair</th><th scope="col">State</th>
                <th scope="col" class="r">Tier</th><th scope="col" class="r">Price</th><th scope="col" class="r">Remaining</th>
              </tr></thead>
              <tbody>
                {orders.map((o) => (
                  <tr key={o.clientOrderId} data-tp={o.clientOrderId}>
                    <td class="small">{o.clientOrderId}</td><td>{o.sessionId}</td><td>{o.pair}</td>
                    <td><Badge kind={o.state === 'LIVE' ? 'active' : 'opening'}>{o.state}</Badge></td>
                    <td class="r num">{o.tier}</td><td class="r"><Dec value={o.price} /></td><td class="r"><Dec value={remaining(o)} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  );
}

function Runs({ runs }) {
  if (runs.length === 0) return <p class="muted">No runs yet.</p>;
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label="Run history, newest first">
      <table>
        <thead><tr>
          <th scope="col">Started</th><th scope="col">Trigger</th><th scope="col" class="r">Sessions / pairs</th>
          <th scope="col" class="r">Uncovered</th><th scope="col" class="r">Covered</th><th scope="col" class="r">Placed</th>
          <th scope="col" class="r">Re-priced</th><th scope="col" class="r">Failed</th><th scope="col" class="r">TP filled</th>
          <th scope="col" class="r">Duplicates</th><th scope="col" class="r">Stopped</th><th scope="col" class="r">Took</th>
          <th scope="col">Errors</th>
        </tr></thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.runId} data-run={r.runId} data-dry-run={String(r.dryRun)}>
              <td class="small">{r.startedAt}</td>
              <td>{r.trigger}{r.dryRun && <> <Badge kind="opening">dry run</Badge></>}</td>
              <td class="r num">{r.sessions} / {r.pairs}</td>
              <td class="r num">{r.positionsUncovered}</td><td class="r num">{r.positionsCovered}</td>
              <td class="r num">{r.ordersPlaced}</td><td class="r num">{r.ordersReplaced}</td>
              <td class="r num">{r.ordersFailed}</td><td class="r num">{r.takeProfitsFilled}</td>
              <td class="r num">{r.duplicatesPrevented}</td><td class="r num">{r.sessionsStopped}</td>
              <td class="r num">{r.durationMillis} ms</td>
              <td class="small">{r.errors.length === 0 ? '' : r.errors.map((e) => `${e.sessionId} ${e.pair}: ${e.error}`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SettlementView() {
  const state = useLiveData(loadSettlement, isSettlementEvent);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState(null);
  const mayTrade = callerMay('trader');

  async function act(what, call) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ ok: true, text: what(await call()) });
      state.reload();
    } catch (e) {
      setMessage({ ok: false, text: e.message });
    } finally {
      setBusy(false);
    }
  }

  const run = (dryRun) => act(
    (r) => `${r.dryRun ? 'Dry run' : 'Run'} ${r.runId}: ${r.ordersPlaced} placed, ${r.ordersReplaced} re-priced, ${r.ordersFailed} failed`,
    () => api('/api/v1/settlement/run', { method: 'POST', body: { dryRun } }),
  );
  const acknowledge = (session) => act(
    (s) => `Stop-loss of ${s.sessionId} acknowledged: ${s.stopLossState}`,
    () => api(`/api/v1/sessions/${encodeURIComponent(session.sessionId)}/stop-loss/acknowledge`,
      { method: 'POST', body: { acknowledgedBy: subjectOf() ?? undefined } }),
  );

  const d = state.data;
  return (
    <section aria-labelledby="settlement-title">
      <h1 id="settlement-title">Settlement</h1>
      {mayTrade && (
        <div class="actions" role="group" aria-label="Settlement run">
          <button type="button" disabled={busy} onClick={() => run(true)}>Dry run</button>
          <button type="button" disabled={busy} onClick={() => run(false)}>Run settlement now</button>
        </div>
      )}
      {message && <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'}>{message.text}</p>}
      <LoadState state={state} what="settlement" />
      {d && (
        <>
          <Stats stats={d.stats} />
          <h2>Sessions and stop-loss</h2>
          <Sessions sessions={d.sessions} mayTrade={mayTrade} onAcknowledge={acknowledge} busy={busy} />
          <h2>Uncovered positions</h2>
          <Uncovered positions={d.uncovered} />
          <h2>Live take-profits by age tier</h2>
          <LiveTakeProfits orders={d.live} />
          <h2>Run history</h2>
          <Runs runs={d.runs} />
        </>
      )}
    </section>
  );
}
