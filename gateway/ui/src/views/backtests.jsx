import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { callerMay } from '../auth.js';
import { Badge, LoadState } from '../components.jsx';
import { useLiveData } from '../hooks.js';
import { addDecimal, divideDecimal, formatDecimal, formatUsd, multiplyDecimal, signOf } from '../money.js';

// Backtests and suggestions come from analytics, which publishes no event about them: this view loads on opening and
// on its Refresh button (a running backtest's progress too), never on a timer.

/** A decimal ratio (0.0123) as a percentage string with `places` decimals ("1.23 %"), exactly. */
function percent(ratio, { places = 2, signed = true } = {}) {
  return ratio == null ? '—' : `${formatDecimal(multiplyDecimal(ratio, '100'), { places, signed })} %`;
}

/** A ratio analytics computes as a double (risk metrics) shown as a percentage. */
function percentOfDouble(ratio, places = 2) {
  return ratio == null ? '—' : `${(ratio * 100).toFixed(places)} %`;
}

/** end ÷ start − 1, exactly (scale 10), or null when start is zero. */
export function totalReturn(start, end) {
  const q = divideDecimal(end, start, 10);
  return q == null ? null : addDecimal(q, '-1');
}

function Token1({ value, signed = false }) {
  if (value == null) return <span class="muted">—</span>;
  const s = signOf(value);
  return <span class={`num ${signed && s < 0 ? 'loss' : signed && s > 0 ? 'gain' : ''}`}>{formatDecimal(value, { places: 2, signed })}</span>;
}

/** The figures of a backtest's result, one row each, for the detail and the comparison. */
const FIGURES = [
  ['start', 'Start equity', (r) => <Token1 value={r.startEquity} />],
  ['end', 'End equity', (r) => <Token1 value={r.endEquity} />],
  ['return', 'Return', (r) => <span class="num">{percent(totalReturn(r.startEquity, r.endEquity))}</span>],
  ['fees', 'Fees earned', (r) => <Token1 value={r.feesValue} signed />],
  ['il', 'Impermanent loss', (r) => <Token1 value={r.impermanentLoss} signed />],
  ['hedge', 'Hedge P&L', (r) => <Token1 value={r.hedgePnl} signed />],
  ['gas', 'Gas', (r) => <Token1 value={r.gas} />],
  ['slippage', 'Slippage', (r) => <Token1 value={r.slippage} />],
  ['rebalances', 'Rebalances', (r) => <span class="num">{r.rebalances}</span>],
  ['sharpe', 'Sharpe', (r) => <span class="num">{r.metrics?.sharpe == null ? '—' : r.metrics.sharpe.toFixed(2)}</span>],
  ['drawdown', 'Max drawdown', (r) => <span class="num">{percentOfDouble(r.metrics?.drawdown?.maxDrawdown)}</span>],
];

function Progress({ job }) {
  const pct = job.steps > 0 ? Math.floor((job.done * 100) / job.steps) : 0;
  return <span class="num">{job.done} / {job.steps} ({pct} %)</span>;
}

function BacktestDetail({ id }) {
  const state = useLiveData(() => api(`/api/v1/analytics/backtests/${encodeURIComponent(id)}`), null, [id]);
  const d = state.data;
  if (!d) return <LoadState state={state} what="the backtest" />;
  if (!d.result) return <p class="muted" data-backtest-detail={id}>{d.job.status === 'FAILED' ? `Failed: ${d.job.error}` : 'No result yet.'}</p>;
  return (
    <section class="card" aria-label={`Result of ${d.job.name}`} data-backtest-detail={id}>
      <h3>{d.job.name}: figures in token1</h3>
      <dl class="figures">
        {FIGURES.map(([key, label, show]) => (
          <div key={key}><dt>{label}</dt><dd data-figure={key}>{show(d.result)}</dd></div>
        ))}
      </dl>
    </section>
  );
}

function Comparison({ ids }) {
  const state = useLiveData(() => api(`/api/v1/analytics/backtests/compare?ids=${ids.map(encodeURIComponent).join(',')}`),
    null, [ids.join(',')]);
  const views = state.data?.backtests ?? [];
  if (!state.data) return <LoadState state={state} what="the comparison" />;
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label="Backtests side by side">
      <table class="compact" data-testid="comparison">
        <thead><tr><th scope="col">Figure</th>{views.map((v) => <th scope="col" class="r" key={v.job.id}>{v.job.name}</th>)}</tr></thead>
        <tbody>
          {FIGURES.map(([key, label, show]) => (
            <tr key={key} data-compare={key}>
              <th scope="row">{label}</th>
              {views.map((v) => <td class="r" key={v.job.id}>{v.result ? show(v.result) : '—'}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const EXAMPLE = JSON.stringify({
  name: 'ETH-USDC 0.3 % ±600', pool: 'eth-usdc-3000', feePips: 3000, tickSpacing: 60, decimals0: 18, decimals1: 6,
  interval: 'H1', capital: '10000000000', range: { type: 'FIXED_WIDTH', halfWidth: 600 },
  rebalance: { type: 'OUT_OF_RANGE_FOR', after: 'PT6H' },
  csv: 'start,open,high,low,close,volume0,volume1,liquidity\n'
    + '2026-12-01T00:00:00Z,2000,2010,1990,2005,10,20000,1000000000000000000\n'
    + '2026-12-01T01:00:00Z,2005,2015,1995,2010,12,24000,1000000000000000000',
}, null, 2);

function StartBacktest({ onStarted }) {
  const [body, setBody] = useState(EXAMPLE);
  const [message, setMessage] = useState(null);
  async function start(e) {
    e.preventDefault();
    setMessage(null);
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch (err) {
      setMessage({ ok: false, text: `Not JSON: ${err.message}` });
      return;
    }
    try {
      const started = await api('/api/v1/analytics/backtests', { method: 'POST', body: parsed });
      setMessage({ ok: true, text: `Backtest ${started.job.name} started (${started.job.steps} steps)` });
      onStarted();
    } catch (err) {
      setMessage({ ok: false, text: err.message });
    }
  }
  return (
    <details>
      <summary>Start a backtest</summary>
      <form onSubmit={start}>
        <label for="backtest-body">Request (JSON: strategy, pool and the bars as CSV; analytics' README has the fields)
          <textarea id="backtest-body" rows={10} cols={80} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        </label>
        <button type="submit">Start</button>
      </form>
      {message && <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'}>{message.text}</p>}
    </details>
  );
}

function Backtests() {
  const state = useLiveData(() => api('/api/v1/analytics/backtests?limit=50'), null);
  const [open, setOpen] = useState(null);
  const [chosen, setChosen] = useState([]);
  const [compared, setCompared] = useState(null);
  const jobs = state.data ?? [];
  const toggle = (id) => setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  return (
    <>
      <div class="actions" role="group" aria-label="Backtests">
        <button type="button" onClick={() => state.reload()}>Refresh backtests</button>
        <button type="button" disabled={chosen.length < 2} onClick={() => setCompared([...chosen])}>Compare {chosen.length} chosen</button>
      </div>
      {callerMay('trader') && <StartBacktest onStarted={() => state.reload()} />}
      <LoadState state={state} what="the backtests" />
      {state.data && jobs.length === 0 && <p class="muted">No backtests yet.</p>}
      {jobs.length > 0 && (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="Backtests, newest first">
          <table>
            <thead><tr>
              <th scope="col">Compare</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col" class="r">Progress</th>
              <th scope="col">Started</th><th scope="col">Finished</th><th scope="col">Result</th>
            </tr></thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id} data-backtest={j.id}>
                  <td><input type="checkbox" checked={chosen.includes(j.id)} disabled={j.status !== 'DONE'}
                    onChange={() => toggle(j.id)} aria-label={`Compare ${j.name}`} /></td>
                  <th scope="row">{j.name}</th>
                  <td><Badge kind={j.status === 'DONE' ? 'active' : j.status === 'FAILED' ? 'failed' : 'opening'}>{j.status}</Badge></td>
                  <td class="r"><Progress job={j} /></td>
                  <td class="small">{j.createdAt}</td><td class="small">{j.finishedAt ?? ''}</td>
                  <td><button type="button" aria-expanded={open === j.id} onClick={() => setOpen(open === j.id ? null : j.id)}>
                    Result<span class="visually-hidden"> of {j.name}</span></button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && <BacktestDetail id={open} />}
      {compared && <Comparison ids={compared} />}
    </>
  );
}

function feeTier(feePips) {
  return `${formatDecimal(divideDecimal(String(feePips), '10000', 4), { places: 2 })} %`;
}

function Suggestions() {
  const state = useLiveData(() => api('/api/v1/analytics/suggestions/ranges?limit=50'), null);
  const list = state.data ?? [];
  return (
    <>
      <LoadState state={state} what="the range suggestions" />
      {state.data && list.length === 0 && <p class="muted">No suggestions made yet.</p>}
      {list.length > 0 && (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="Range suggestions, newest first">
          <table>
            <thead><tr>
              <th scope="col">Made</th><th scope="col">Pair</th><th scope="col">Pool</th><th scope="col" class="r">Fee tier</th>
              <th scope="col" class="r">Half width (ticks)</th><th scope="col" class="r">Training return</th>
              <th scope="col" class="r">Mean test return</th><th scope="col" class="r">Folds</th><th scope="col">Regime</th>
            </tr></thead>
            <tbody>
              {list.map((v) => (
                <tr key={v.id} data-suggestion={v.id}>
                  <td class="small">{v.createdAt}</td><th scope="row">{v.pair}</th><td>{v.suggestion.pool}</td>
                  <td class="r num">{feeTier(v.suggestion.feePips)}</td><td class="r num">{v.suggestion.halfWidth}</td>
                  <td class="r num">{percent(v.suggestion.trainReturn)}</td>
                  <td class="r num">{percent(v.suggestion.meanTestReturn)}</td>
                  <td class="r num">{v.suggestion.folds.length}</td>
                  <td>{v.suggestion.regime ? v.suggestion.regime.regime.toLowerCase().replace('_', ' ') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** "pool: r1 r2 r3" lines into the allocation's pools (returns kept as the strings typed). */
export function parsePools(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const [pool, rest = ''] = line.split(':');
    return { pool: pool.trim(), returns: rest.split(/[\s,]+/).filter(Boolean) };
  });
}

function Allocation() {
  const [method, setMethod] = useState('RISK_PARITY');
  const [capital, setCapital] = useState('100000');
  const [pools, setPools] = useState('eth-usdc-500: 0.01 -0.02 0.015 0.005\nwbtc-eth-3000: 0.004 0.006 -0.003 0.002');
  const [answer, setAnswer] = useState(null);
  const [error, setError] = useState(null);
  async function allocate(e) {
    e.preventDefault();
    setError(null);
    try {
      setAnswer(await api('/api/v1/analytics/allocations', { method: 'POST', body: { method, capital, pools: parsePools(pools) } }));
    } catch (err) {
      setAnswer(null);
      setError(err.message);
    }
  }
  const total = answer ? answer.pools.reduce((t, p) => addDecimal(t, p.amount), '0') : null;
  return (
    <>
      <form class="filters" onSubmit={allocate}>
        <label for="alloc-method">Method
          <select id="alloc-method" value={method} onChange={(e) => setMethod(e.currentTarget.value)}>
            <option value="RISK_PARITY">risk parity</option><option value="MEAN_VARIANCE">mean-variance</option>
          </select>
        </label>
        <label for="alloc-capital">Capital ($)
          <input id="alloc-capital" inputMode="decimal" value={capital} onInput={(e) => setCapital(e.currentTarget.value)} />
        </label>
        <label for="alloc-pools">Return series, a line per pool ("pool: r1 r2 …")
          <textarea id="alloc-pools" rows={3} cols={60} value={pools} onInput={(e) => setPools(e.currentTarget.value)} />
        </label>
        <button type="submit">Split the capital</button>
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      {answer && (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="Allocation">
          <table class="compact">
            <thead><tr><th scope="col">Pool</th><th scope="col" class="r">Weight</th><th scope="col" class="r">Amount</th><th scope="col" class="r">Share of risk</th></tr></thead>
            <tbody>
              {answer.pools.map((p) => (
                <tr key={p.pool} data-allocation={p.pool}>
                  <th scope="row">{p.pool}</th><td class="r num">{percent(p.weight, { signed: false })}</td>
                  <td class="r num">{formatUsd(p.amount)}</td><td class="r num">{percent(p.riskContribution, { signed: false })}</td>
                </tr>
              ))}
            </tbody>
            <tfoot><tr><th scope="row">Total</th><td /><td class="r num" data-testid="allocation-total">{formatUsd(total)}</td>
              <td class="r small">σ {percent(answer.volatility, { signed: false })} · E[r] {percent(answer.expectedReturn)}</td></tr></tfoot>
          </table>
        </div>
      )}
    </>
  );
}

export function BacktestsView() {
  return (
    <section aria-labelledby="backtests-title">
      <h1 id="backtests-title">Backtests and suggestions</h1>
      <h2>Backtests</h2>
      <Backtests />
      <h2>Range suggestions</h2>
      <Suggestions />
      <h2>Capital allocation</h2>
      <Allocation />
    </section>
  );
}
