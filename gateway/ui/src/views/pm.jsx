import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { LoadState, Pnl } from '../components.jsx';
import { useLiveData } from '../hooks.js';
import { isPredictionMarketEvent } from '../live.js';
import { formatDecimal, multiplyDecimal } from '../money.js';

const WINDOWS = [
  { id: 'all', label: 'All time' },
  { id: 'weekly', label: 'Weekly' },
  { id: 'daily', label: 'Daily' },
];
const MEDALS = { 1: ['🥇', 'gold medal'], 2: ['🥈', 'silver medal'], 3: ['🥉', 'bronze medal'] };

/** A win rate (a fraction, "0.6667") as a percentage with two decimals, exactly. */
export function percent(fraction) {
  return fraction == null ? '—' : `${formatDecimal(multiplyDecimal(fraction, '100'), { places: 2 })} %`;
}

function Rank({ rank }) {
  const medal = MEDALS[rank];
  return (
    <span class="rank num">
      {rank}
      {medal && <span class="medal" role="img" aria-label={medal[1]} data-medal={medal[1]}> {medal[0]}</span>}
    </span>
  );
}

function Leaderboard() {
  const [span, setSpan] = useState('all');
  const state = useLiveData(() => api(`/api/v1/leaderboard?window=${span}&limit=100`), isPredictionMarketEvent, [span]);
  const board = state.data;
  return (
    <div>
      <div class="segmented" role="group" aria-label="Leaderboard window">
        {WINDOWS.map((w) => (
          <button key={w.id} type="button" aria-pressed={span === w.id} onClick={() => setSpan(w.id)}>{w.label}</button>
        ))}
      </div>
      <LoadState state={state} what="the leaderboard" />
      {board && (
        <>
          <p class="muted small" data-testid="leaderboard-window">
            {board.window === 'all' ? 'All time' : `${board.from} to ${board.to} (UTC)`} · {board.entries.length} {board.entries.length === 1 ? "trader" : "traders"}
          </p>
          {board.entries.length === 0 ? <p class="muted">No closed trades in this window.</p> : (
            <div class="table-wrap" role="region" tabIndex={0} aria-label="Leaderboard table">
              <table class="leaderboard">
                <caption class="visually-hidden">Traders ranked by realized P&amp;L</caption>
                <thead><tr>
                  <th scope="col">Rank</th><th scope="col">Trader</th><th scope="col" class="r">Realized P&amp;L</th>
                  <th scope="col" class="r">Trades</th><th scope="col" class="r">Closes</th><th scope="col" class="r">Win rate</th>
                </tr></thead>
                <tbody>
                  {board.entries.map((e) => (
                    <tr key={e.user} data-trader={e.user}>
                      <td><Rank rank={e.rank} /></td>
                      <th scope="row">{e.user}</th>
                      <td class="r"><Pnl value={e.pnl} /></td>
                      <td class="r num">{e.trades}</td>
                      <td class="r num">{e.closes}</td>
                      <td class="r num">{percent(e.winRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function Slices({ title, slices, linkAlerts = false }) {
  return (
    <>
      <h3 class="small">{title}</h3>
      {slices.length === 0 ? <p class="muted small">None.</p> : (
        <table class="compact">
          <thead><tr><th scope="col">{title.replace(/^By /, '')}</th><th scope="col" class="r">Realized</th><th scope="col" class="r">Unrealized</th></tr></thead>
          <tbody>
            {slices.map((s) => (
              <tr key={s.key ?? '-'}><th scope="row">{linkAlerts && s.key ? <a href={`#/arbitrage/${encodeURIComponent(s.key)}`}>{s.key}</a> : (s.key ?? 'no alert')}</th><td class="r"><Pnl value={s.realized} /></td><td class="r"><Pnl value={s.unrealized} /></td></tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function TraderDetail({ user, onClose }) {
  const dialog = useRef(null);
  const state = useLiveData(() => api(`/api/v1/pnl/${encodeURIComponent(user)}`), isPredictionMarketEvent, [user]);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const d = state.data;
  return (
    <dialog ref={dialog} class="modal" aria-labelledby="trader-title" onClose={onClose} data-testid="trader-modal">
      <div class="modal-head">
        <h2 id="trader-title">P&amp;L of {user}</h2>
        <button type="button" class="ghost" onClick={() => dialog.current?.close()}>Close</button>
      </div>
      <LoadState state={state} what={`the P&L of ${user}`} />
      {d && (
        <>
          <dl class="figures">
            <div><dt>Realized</dt><dd data-testid="modal-realized"><Pnl value={d.realized} /></dd></div>
            <div><dt>Unrealized</dt><dd data-testid="modal-unrealized"><Pnl value={d.unrealized} /></dd></div>
            <div><dt>Fees</dt><dd class="num">{formatDecimal(d.fees)}</dd></div>
            <div><dt>Wins / closes</dt><dd class="num" data-testid="modal-wins">{d.wins} / {d.closes}</dd></div>
            <div><dt>Cost basis</dt><dd>{d.method}</dd></div>
          </dl>
          <Slices title="By venue" slices={d.byVenue} />
          <Slices title="By alert" slices={d.byAlert} linkAlerts />
          <h3 class="small">Open positions</h3>
          {d.positions.length === 0 ? <p class="muted small">None.</p> : (
            <div class="table-wrap">
              <table class="compact">
                <thead><tr><th scope="col">Market</th><th scope="col">Outcome</th><th scope="col" class="r">Shares</th>
                  <th scope="col" class="r">Cost</th><th scope="col" class="r">Last</th><th scope="col" class="r">Unrealized</th></tr></thead>
                <tbody>
                  {d.positions.map((p) => (
                    <tr key={`${p.venue}:${p.market}:${p.outcome}`} data-open-position={p.market}>
                      <th scope="row">{p.venue} · {p.market}</th><td>{p.outcome}</td>
                      <td class="r num">{formatDecimal(p.shares)}</td><td class="r num">{formatDecimal(p.costBasis)}</td>
                      <td class="r num">{formatDecimal(p.lastPrice, { places: 4 })}</td><td class="r"><Pnl value={p.unrealizedPnl} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </dialog>
  );
}

function TraderCards() {
  const state = useLiveData(() => api('/api/v1/leaderboard?window=all&limit=100'), isPredictionMarketEvent);
  const [open, setOpen] = useState(null);
  const entries = state.data?.entries ?? [];
  return (
    <div>
      <LoadState state={state} what="the traders" />
      {state.data && entries.length === 0 && <p class="muted">No traders yet.</p>}
      <ul class="cards plain">
        {entries.map((e) => (
          <li key={e.user} class="card pnl-card" data-card={e.user}>
            <h3>{e.user}</h3>
            <p class="big"><Pnl value={e.pnl} /></p>
            <p class="small muted">{e.trades} trades · win rate {percent(e.winRate)}</p>
            <button type="button" onClick={() => setOpen(e.user)}>Details<span class="visually-hidden"> of {e.user}</span></button>
          </li>
        ))}
      </ul>
      {open && <TraderDetail user={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

const TABS = [
  { id: 'leaderboard', label: 'Leaderboard', Panel: Leaderboard },
  { id: 'traders', label: 'P&L by trader', Panel: TraderCards },
];

export function PredictionMarketView() {
  const [tab, setTab] = useState('leaderboard');
  const { Panel } = TABS.find((t) => t.id === tab);
  function onKey(e) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    setTab(next.id);
    document.getElementById(`pm-tab-${next.id}`)?.focus();
  }
  return (
    <section aria-labelledby="pm-title">
      <h1 id="pm-title">Prediction markets</h1>
      <div role="tablist" aria-label="Prediction-market views" class="tabs" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button key={t.id} id={`pm-tab-${t.id}`} type="button" role="tab" aria-selected={tab === t.id}
            aria-controls={`pm-panel-${t.id}`} tabIndex={tab === t.id ? 0 : -1} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`pm-panel-${tab}`} aria-labelledby={`pm-tab-${tab}`} class="tab-panel">
        <Panel />
      </div>
    </section>
  );
}
