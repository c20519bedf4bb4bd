import { api } from '../api.js';
import { Badge, LoadState, Pnl } from '../components.jsx';
import { useLiveData } from '../hooks.js';
import { isPortfolioEvent } from '../live.js';
import { formatUsd, largestMagnitude, permille, signOf } from '../money.js';

const PARTS = [
  ['fees', 'LP fees'], ['impermanentLoss', 'Impermanent loss'], ['market', 'Market'], ['hedge', 'Hedge'],
  ['funding', 'Funding'], ['feesPaid', 'Fees paid'], ['takeProfit', 'Take-profit'], ['predictionMarket', 'Prediction markets'],
];

function startOfTodayUtc(now) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
}

async function loadPortfolio() {
  const now = new Date();
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString();
  const [portfolio, allTime, today, week, risk] = await Promise.all([
    api('/api/v1/portfolio'),
    api('/api/v1/attribution'),
    api(`/api/v1/attribution?from=${encodeURIComponent(startOfTodayUtc(now))}`),
    api(`/api/v1/attribution?from=${encodeURIComponent(weekAgo)}`),
    api('/api/v1/risk'),
  ]);
  return { portfolio, allTime, today, week, risk };
}

function percent(ratio, places = 2) {
  // risk figures are ratios the analytics service computes as doubles (not money): shown as percentages
  return ratio == null ? '—' : `${(ratio * 100).toFixed(places)} %`;
}

function AttributionBars({ attribution }) {
  const parts = attribution.parts;
  const scale = largestMagnitude(PARTS.map(([k]) => parts[k]));
  return (
    <ul class="bars" aria-label="P&L attribution, all time">
      {PARTS.map(([key, label]) => {
        const value = parts[key];
        const sign = signOf(value);
        const width = permille(value, scale) / 10;
        return (
          <li key={key} class="bar-row" data-part={key}>
            <span class="bar-label">{label}</span>
            <span class="bar-track" aria-hidden="true">
              <span class={`bar ${sign < 0 ? 'bar-loss' : 'bar-gain'}`} style={`width:${width}%`} />
            </span>
            <Pnl value={value} />
          </li>
        );
      })}
    </ul>
  );
}

function RiskCards({ risk }) {
  const tail95 = (risk.tails || []).find((t) => Math.abs(t.confidence - 0.95) < 1e-9);
  const cards = [
    ['VaR 95 % (historical)', tail95 ? percent(tail95.historicalVar) : '—', 'of the desk\'s value over one period'],
    ['Max drawdown', percent(risk.drawdown?.maxDrawdown), risk.drawdown?.peakAt ? `peak ${risk.drawdown.peakAt}` : ''],
    ['Sharpe', risk.sharpe == null ? '—' : risk.sharpe.toFixed(2), `${risk.observations} ${String(risk.period).toLowerCase()} returns`],
  ];
  return (
    <div class="cards">
      {cards.map(([title, value, note]) => (
        <section class="card" key={title} aria-label={title}>
          <h3>{title}</h3>
          <p class="big num" data-risk={title}>{value}</p>
          <p class="muted small">{note}</p>
        </section>
      ))}
    </div>
  );
}

export function PortfolioView() {
  const state = useLiveData(loadPortfolio, isPortfolioEvent);
  const d = state.data;
  return (
    <section aria-labelledby="portfolio-title">
      <h1 id="portfolio-title">Portfolio</h1>
      <LoadState state={state} what="the portfolio" />
      {d && (
        <>
          <div class="cards">
            <section class="card" aria-label="Desk value">
              <h2>Desk value</h2>
              <p class="big num" data-testid="desk-value">{formatUsd(d.portfolio.desk.value)}</p>
              <p class="muted small">at {d.portfolio.at}</p>
            </section>
            <section class="card" aria-label="P&L">
              <h2>P&amp;L</h2>
              <dl class="pnl-periods">
                <dt>Today</dt><dd data-testid="pnl-today"><Pnl value={d.today.desk.total} /></dd>
                <dt>7 days</dt><dd data-testid="pnl-week"><Pnl value={d.week.desk.total} /></dd>
                <dt>All time</dt><dd data-testid="pnl-all"><Pnl value={d.allTime.desk.total} /></dd>
              </dl>
            </section>
            {d.portfolio.books.map((b) => (
              <section class="card" key={b.book} aria-label={`Book ${b.book}`}>
                <h2><Badge kind={b.book}>{b.book}</Badge> book</h2>
                <p class="big num">{formatUsd(b.figures.value)}</p>
                <p class="small">{b.strategies} strategies · P&amp;L <Pnl value={b.figures.totalPnl} /></p>
              </section>
            ))}
          </div>
          <h2>Attribution</h2>
          <AttributionBars attribution={d.allTime.desk} />
          <h2>Risk</h2>
          <RiskCards risk={d.risk} />
        </>
      )}
    </section>
  );
}
