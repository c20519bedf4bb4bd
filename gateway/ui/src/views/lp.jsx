import { api } from '../api.js';
import { Badge, LoadState } from '../components.jsx';
import { useLiveData } from '../hooks.js';
import { isLpOrHedgeEvent } from '../live.js';
import { formatDecimal, signOf } from '../money.js';
import { rangeBar } from '../range.js';

const HEDGE_PAGE = 1000;

/** Every position's current hedge, by position key: perp-hedger answers them a page at a time, in key order. */
async function currentHedges() {
  const hedgeOf = new Map();
  for (let after = null; ;) {
    const query = `limit=${HEDGE_PAGE}${after === null ? '' : `&after=${encodeURIComponent(after)}`}`;
    const page = await api(`/api/v1/hedges/current?${query}`);
    for (const h of page) hedgeOf.set(h.positionKey, h);
    if (page.length < HEDGE_PAGE) return hedgeOf;
    after = page[page.length - 1].positionKey;
  }
}

async function loadPositions() {
  const [positions, hedgeOf] = await Promise.all([api('/api/v1/lp/positions'), currentHedges()]);
  return positions.map((p) => ({ position: p, hedge: hedgeOf.get(p.key) ?? null }));
}

function short(address) {
  return address && address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

function RangeBar({ position }) {
  const v = position.valuation;
  const bar = rangeBar(position.tickLower, position.tickUpper, v ? v.tick : undefined);
  const label = v
    ? `tick ${v.tick} ${bar.inRange ? 'inside' : 'outside'} the range ${position.tickLower} to ${position.tickUpper}`
    : `range ${position.tickLower} to ${position.tickUpper}, not valued yet`;
  return (
    <div class="range" role="img" aria-label={label} data-in-range={String(bar.inRange)}>
      <span class="range-band" style={`left:${bar.low}%;width:${bar.high - bar.low}%`} />
      {bar.price !== null && <span class={`range-price ${bar.inRange ? '' : 'out'}`} style={`left:${bar.price}%`} />}
    </div>
  );
}

/** Raw token units, grouped (the position's answer carries no token decimals yet). */
function Raw({ value }) {
  return value == null ? <span class="muted">—</span> : <span class="num">{formatDecimal(value, { places: 0 })}</span>;
}

function Token1({ value, signed = false }) {
  if (value == null) return <span class="muted">—</span>;
  const s = signOf(value);
  return <span class={`num ${signed && s < 0 ? 'loss' : signed && s > 0 ? 'gain' : ''}`}>{formatDecimal(value, { places: 4, signed })}</span>;
}

function HedgeCell({ hedge }) {
  if (!hedge) return <Badge kind="none">none</Badge>;
  return (
    <span>
      <Badge kind={hedge.status}>{hedge.status}</Badge>{' '}
      <span class="small num hedge-qty">{formatDecimal(hedge.openQty, { places: 4 })} / {formatDecimal(hedge.targetQty, { places: 4 })} {hedge.market}</span>
    </span>
  );
}

export function LpView() {
  const state = useLiveData(loadPositions, isLpOrHedgeEvent);
  const rows = state.data ?? [];
  return (
    <section aria-labelledby="lp-title">
      <h1 id="lp-title">LP positions</h1>
      <LoadState state={state} what="the LP positions" />
      {state.data && rows.length === 0 && <p class="muted">No positions yet.</p>}
      {rows.length > 0 && (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="LP positions table, scrolls sideways">
          <table class="lp-table">
            <caption class="visually-hidden">LP positions with their valuation and hedge</caption>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">State</th>
                <th scope="col">Range</th>
                <th scope="col" class="r">Price</th>
                <th scope="col" class="r">Amount 0 / 1 (raw)</th>
                <th scope="col" class="r">Uncollected fees 0 / 1 (raw)</th>
                <th scope="col" class="r">Value (token1)</th>
                <th scope="col" class="r">IL (token1)</th>
                <th scope="col">Hedge</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ position: p, hedge }) => {
                const v = p.valuation;
                return (
                  <tr key={p.key} data-position={p.tokenId}>
                    <th scope="row"><a class="num" href={`#/lp/${encodeURIComponent(p.tokenId)}`} aria-label={`Position #${p.tokenId}: history, value and hedge`}>#{p.tokenId}</a> <span class="muted small" title={p.pool}>{short(p.pool)}</span></th>
                    <td><Badge kind={p.status}>{p.status}</Badge></td>
                    <td><RangeBar position={p} /></td>
                    <td class="r">{v ? <Token1 value={v.price} /> : '—'}</td>
                    <td class="r"><Raw value={v?.amount0} /><br /><Raw value={v?.amount1} /></td>
                    <td class="r"><Raw value={v?.uncollectedFees0} /><br /><Raw value={v?.uncollectedFees1} /></td>
                    <td class="r"><Token1 value={v?.valueToken1} /></td>
                    <td class="r"><Token1 value={v?.impermanentLossToken1} signed /></td>
                    <td><HedgeCell hedge={hedge} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
