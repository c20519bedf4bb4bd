import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { callerMay } from '../auth.js';
import { Badge, LoadState } from '../components.jsx';
import { useLiveData } from '../hooks.js';
import { isHedgeEvent } from '../live.js';
import { addDecimal, divideDecimal, formatDecimal, multiplyDecimal, signOf } from '../money.js';

async function loadHedges() {
  const [hedges, failed] = await Promise.all([api('/api/v1/hedges?limit=1000'), api('/api/v1/hedges/failed')]);
  const failedHedges = new Set(failed.map((f) => f.order.hedgeId));
  return { hedges, failedHedges };
}

/** The average price of the hedge's sells: Σ quantity × price ÷ Σ quantity over its sell fills, exactly. */
export function entryPrice(fills) {
  let quantity = '0';
  let notional = '0';
  for (const f of fills) {
    if (f.side !== 'SELL') continue;
    quantity = addDecimal(quantity, f.quantity);
    notional = addDecimal(notional, multiplyDecimal(f.quantity, f.price));
  }
  return divideDecimal(notional, quantity, 2);
}

/** The entry shown in the table: sell proceeds per unit short while nothing was bought back (else the detail has it). */
function tableEntry(hedge) {
  if (signOf(hedge.boughtValue) !== 0 || signOf(hedge.openQty) === 0) return null;
  return divideDecimal(hedge.soldValue, hedge.openQty, 2);
}

function Dec({ value, places = 4 }) {
  return value == null ? <span class="muted">—</span> : <span class="num">{formatDecimal(value, { places })}</span>;
}

function tokenOf(positionKey) {
  return positionKey.split(':').pop();
}

export function HedgeDetail({ hedgeId }) {
  const state = useLiveData(() => api(`/api/v1/hedges/${encodeURIComponent(hedgeId)}`), isHedgeEvent, [hedgeId]);
  const d = state.data;
  if (!d) return <LoadState state={state} what="the hedge's orders and fills" />;
  return (
    <div class="hedge-detail" data-hedge-detail={hedgeId}>
      <LoadState state={state} what="the hedge's orders and fills" />
      <p class="small">Entry (average sell fill): <strong data-testid="hedge-entry"><Dec value={entryPrice(d.fills)} places={2} /></strong>
        {d.hedge.detail && <span class="muted"> · {d.hedge.detail}</span>}</p>
      <h3 class="small">Orders</h3>
      <div class="table-wrap" role="region" tabIndex={0} aria-label={`Orders of hedge ${hedgeId}`}>
        <table>
          <thead><tr>
            <th scope="col">Step</th><th scope="col">Purpose</th><th scope="col">Side</th><th scope="col" class="r">Quantity</th>
            <th scope="col">State</th><th scope="col" class="r">Filled</th><th scope="col" class="r">Avg price</th>
            <th scope="col" class="r">Attempts</th><th scope="col">Last error</th>
          </tr></thead>
          <tbody>
            {d.orders.map((o) => (
              <tr key={o.orderKey} data-order={o.externalId}>
                <td class="num">{o.step}.{o.generation}</td>
                <td>{o.purpose}</td>
                <td>{o.side}</td>
                <td class="r"><Dec value={o.quantity} /></td>
                <td><Badge kind={o.state}>{o.state}</Badge></td>
                <td class="r"><Dec value={o.filledQty} /></td>
                <td class="r"><Dec value={o.averagePrice} places={2} /></td>
                <td class="r num">{o.attempts}</td>
                <td class="small">{o.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 class="small">Fills</h3>
      {d.fills.length === 0 ? <p class="muted small">No fills.</p> : (
        <div class="table-wrap" role="region" tabIndex={0} aria-label={`Fills of hedge ${hedgeId}`}>
          <table>
            <thead><tr>
              <th scope="col">Trade</th><th scope="col">Side</th><th scope="col" class="r">Quantity</th>
              <th scope="col" class="r">Price</th><th scope="col" class="r">Fee</th><th scope="col">At</th>
            </tr></thead>
            <tbody>
              {d.fills.map((f) => (
                <tr key={f.tradeId} data-fill={f.tradeId}>
                  <td class="num">{f.tradeId}</td><td>{f.side}</td>
                  <td class="r"><Dec value={f.quantity} /></td><td class="r"><Dec value={f.price} places={2} /></td>
                  <td class="r"><Dec value={f.fee} /></td><td class="small">{f.createdAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function HedgesView() {
  const state = useLiveData(loadHedges, isHedgeEvent);
  const [open, setOpen] = useState(null);
  const [busy, setBusy] = useState(null);
  const [message, setMessage] = useState(null);
  const mayTrade = callerMay('trader');

  async function retry(hedge) {
    setBusy(hedge.hedgeId);
    setMessage(null);
    try {
      const order = await api(`/api/v1/hedges/${encodeURIComponent(hedge.hedgeId)}/retry`, { method: 'POST' });
      setMessage({ ok: true, text: `Order ${order.externalId} sent again for position #${tokenOf(hedge.positionKey)}` });
      state.reload();
    } catch (e) {
      setMessage({ ok: false, text: `Retry failed: ${e.message}` });
    } finally {
      setBusy(null);
    }
  }

  const hedges = state.data?.hedges ?? [];
  const failed = state.data?.failedHedges ?? new Set();
  return (
    <section aria-labelledby="hedges-title">
      <h1 id="hedges-title">Hedges</h1>
      <p class="muted small" aria-live="polite" data-testid="hedge-count">{state.data ? `${hedges.length} hedges, ${failed.size} with a failed order` : ''}</p>
      {message && <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'}>{message.text}</p>}
      <LoadState state={state} what="the hedges" />
      {state.data && hedges.length === 0 && <p class="muted">No hedges yet.</p>}
      {hedges.length > 0 && (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="Hedges table, scrolls sideways">
          <table class="hedge-table">
            <caption class="visually-hidden">Hedges of LP positions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">Market</th>
                <th scope="col">Status</th>
                <th scope="col">LP</th>
                <th scope="col" class="r">Open / target</th>
                <th scope="col" class="r">Entry</th>
                <th scope="col" class="r">Sold / bought</th>
                <th scope="col" class="r">Fees</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {hedges.map((h) => [
                <tr key={h.hedgeId} data-hedge={h.hedgeId}>
                  <th scope="row"><span class="num">#{tokenOf(h.positionKey)}</span></th>
                  <td>{h.market}</td>
                  <td><Badge kind={h.status}>{h.status}</Badge></td>
                  <td class="small">{h.lpState}</td>
                  <td class="r"><Dec value={h.openQty} /> / <Dec value={h.targetQty} /></td>
                  <td class="r"><Dec value={tableEntry(h)} places={2} /></td>
                  <td class="r"><Dec value={h.soldValue} places={2} /> / <Dec value={h.boughtValue} places={2} /></td>
                  <td class="r"><Dec value={h.fees} /></td>
                  <td class="actions">
                    <button type="button" aria-expanded={open === h.hedgeId} onClick={() => setOpen(open === h.hedgeId ? null : h.hedgeId)}>
                      Orders and fills<span class="visually-hidden"> of position #{tokenOf(h.positionKey)}</span>
                    </button>
                    {mayTrade && failed.has(h.hedgeId) && (
                      <button type="button" disabled={busy === h.hedgeId} onClick={() => retry(h)}>
                        Retry<span class="visually-hidden"> the failed order of position #{tokenOf(h.positionKey)}</span>
                      </button>
                    )}
                  </td>
                </tr>,
                open === h.hedgeId && (
                  <tr key={`${h.hedgeId}-detail`} class="detail-row"><td colSpan={9}><HedgeDetail hedgeId={h.hedgeId} /></td></tr>
                ),
              ])}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
