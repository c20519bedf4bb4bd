import { api } from '../api.js';
import { heights } from '../chart.js';
import { Badge, LoadState } from '../components.jsx';
import { useLiveData } from '../hooks.js';
import { isLpOrHedgeEvent } from '../live.js';
import { formatDecimal, formatUsd } from '../money.js';
import { HedgeDetail } from './hedges.jsx';

async function loadPosition(tokenId) {
  const id = encodeURIComponent(tokenId);
  const [position, history] = await Promise.all([
    api(`/api/v1/lp/positions/${id}`),
    api(`/api/v1/lp/positions/${id}/history`),
  ]);
  const key = encodeURIComponent(position.key);
  const [series, hedges] = await Promise.all([
    api(`/api/v1/snapshots/series?level=STRATEGY&scope=${key}&limit=5000`).catch(() => null),
    api(`/api/v1/hedges?positionKey=${key}&limit=1`),
  ]);
  return { position, history, series: series?.points ?? [], hedge: hedges[0] ?? null };
}

const raw = (v) => formatDecimal(v, { places: 0 });

/** One line saying what a fact did, from its payload (raw token units: amount0 / amount1). */
function factSummary(type, p) {
  switch (type) {
    case 'LpMinted':
      return `minted ${raw(p.liquidity)} liquidity in ticks ${p.tickLower}..${p.tickUpper} for ${raw(p.amount0)} / ${raw(p.amount1)}`;
    case 'LpLiquidityChanged':
      return `liquidity ${p.liquidityDelta.startsWith('-') ? '' : '+'}${raw(p.liquidityDelta)} to ${raw(p.liquidityAfter)} (${raw(p.amount0)} / ${raw(p.amount1)})`;
    case 'LpFeesCollected':
      return `collected fees ${raw(p.amount0)} / ${raw(p.amount1)}`;
    case 'LpRangeExited':
      return `price left the range at tick ${p.tick} (${String(p.side).toLowerCase()})`;
    case 'LpRangeEntered':
      return `price came back into the range at tick ${p.tick}`;
    case 'LpClosed':
      return `closed (${p.reason}): withdrew ${raw(p.amount0Withdrawn)} / ${raw(p.amount1Withdrawn)}`;
    case 'LpTransferred':
      return `transferred from ${p.from} to ${p.to}`;
    default:
      return type;
  }
}

function Timeline({ facts }) {
  if (facts.length === 0) return <p class="muted">No facts yet.</p>;
  return (
    <ol class="timeline" aria-label="Facts about this position, oldest first">
      {facts.map((f) => (
        <li key={f.eventId} data-fact={f.type} class={f.retractedAt ? 'retracted' : ''}>
          <span class="timeline-type"><Badge kind={f.retractedAt ? 'closed' : 'active'}>{f.type}</Badge></span>
          <span class="small"> {factSummary(f.type, f.payload)}</span>
          <span class="muted small"> · block {f.blockNumber} · {f.blockTime}</span>
          {f.retractedAt && <span class="small loss"> · retracted {f.retractedAt}</span>}
        </li>
      ))}
    </ol>
  );
}

const W = 600;
const H = 160;

function ValueChart({ points }) {
  if (points.length === 0) return <p class="muted">No snapshots of this position yet.</p>;
  const { heights: h, min, max } = heights(points.map((p) => p.value));
  const x = (i) => (points.length === 1 ? W / 2 : (i * W) / (points.length - 1));
  const y = (i) => H - (h[i] * H) / 1000;
  const path = points.map((_, i) => `${x(i).toFixed(1)},${y(i).toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  return (
    <figure class="chart" data-testid="value-chart">
      <svg viewBox={`-6 -6 ${W + 12} ${H + 12}`} role="img" preserveAspectRatio="none"
        aria-label={`Value at ${points.length} snapshots, from ${formatUsd(points[0].value)} to ${formatUsd(last.value)}`}>
        <polyline points={path} fill="none" stroke="currentColor" stroke-width="2" vector-effect="non-scaling-stroke" />
        {points.map((p, i) => <circle key={p.snapshotId} cx={x(i)} cy={y(i)} r="3" data-value={p.value} />)}
      </svg>
      <figcaption class="small muted">
        Value (USD) at each snapshot: low <span class="num" data-testid="chart-min">{formatUsd(min)}</span>,
        high <span class="num" data-testid="chart-max">{formatUsd(max)}</span>,
        latest <span class="num" data-testid="chart-latest">{formatUsd(last.value)}</span> ({last.takenAt})
      </figcaption>
    </figure>
  );
}

export function PositionView({ param: tokenId }) {
  const state = useLiveData(() => loadPosition(tokenId), isLpOrHedgeEvent, [tokenId]);
  const d = state.data;
  return (
    <section aria-labelledby="position-title">
      <p class="small"><a href="#/lp">← LP positions</a></p>
      <h1 id="position-title">LP position #{tokenId}</h1>
      <LoadState state={state} what="the position" />
      {d && (
        <>
          <p>
            <Badge kind={d.position.status}>{d.position.status}</Badge>{' '}
            <span class="small">range {d.position.tickLower}..{d.position.tickUpper} · pool <span class="num">{d.position.pool}</span>
              {d.position.valuation && <> · value <span class="num" data-testid="position-value">{formatDecimal(d.position.valuation.valueToken1, { places: 4 })}</span> token1</>}
            </span>
          </p>
          <div class="position-grid">
            <div class="card">
              <h2>Value</h2>
              <ValueChart points={d.series} />
            </div>
            <div class="card">
              <h2>History</h2>
              <Timeline facts={d.history} />
            </div>
          </div>
          <div class="card">
            <h2>Hedge</h2>
            {d.hedge ? (
              <>
                <p class="small"><Badge kind={d.hedge.status}>{d.hedge.status}</Badge> {formatDecimal(d.hedge.openQty, { places: 4 })} / {formatDecimal(d.hedge.targetQty, { places: 4 })} {d.hedge.market}</p>
                <HedgeDetail hedgeId={d.hedge.hedgeId} />
              </>
            ) : <p class="muted">Not hedged.</p>}
          </div>
        </>
      )}
    </section>
  );
}
