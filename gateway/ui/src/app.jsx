import { useEffect, useState } from 'preact/hooks';
import { whenUnauthorized } from './api.js';
import { callerMay, currentCredential, forgetCredential } from './auth.js';
import { liveStatus, onLiveStatus, startLive, stopLive } from './live.js';
import { Login } from './login.jsx';
import { applyTheme, initialTheme } from './theme.js';
import { AdminView } from './views/admin.jsx';
import { AlertsView } from './views/alerts.jsx';
import { ArbitrageView } from './views/arbitrage.jsx';
import { BacktestsView } from './views/backtests.jsx';
import { HedgesView } from './views/hedges.jsx';
import { LpView } from './views/lp.jsx';
import { PredictionMarketView } from './views/pm.jsx';
import { PortfolioView } from './views/portfolio.jsx';
import { PositionView } from './views/position.jsx';
import { ReportsView } from './views/reports.jsx';
import { SettlementView } from './views/settlement.jsx';

const VIEWS = [
  { path: 'portfolio', label: 'Portfolio', View: PortfolioView },
  { path: 'lp', label: 'LP positions', View: LpView },
  { path: 'hedges', label: 'Hedges', View: HedgesView },
  { path: 'pm', label: 'Prediction markets', View: PredictionMarketView },
  { path: 'arbitrage', label: 'Arbitrage', View: ArbitrageView },
  { path: 'settlement', label: 'Settlement', View: SettlementView },
  { path: 'reports', label: 'Reports', View: ReportsView },
  { path: 'backtests', label: 'Backtests', View: BacktestsView },
  { path: 'alerts', label: 'Alerts', View: AlertsView },
  // in the menu for admins only; anyone else who opens it is told it needs the role
  { path: 'admin', label: 'Admin', View: AdminView, role: 'admin' },
];

/** Pages reached from a view, not in the menu: `#/lp/<tokenId>`, `#/arbitrage/<alertId>` (menu: the parent's). */
const PAGES = [
  { prefix: 'lp/', parent: 'lp', View: PositionView },
  { prefix: 'arbitrage/', parent: 'arbitrage', View: ArbitrageView },
];

function currentPath() {
  const p = location.hash.replace(/^#\/?/, '');
  return VIEWS.some((v) => v.path === p) || PAGES.some((g) => p.startsWith(g.prefix) && p.length > g.prefix.length)
    ? p : 'portfolio';
}

/** The view for a path, its parameter (a page's) and the menu entry it belongs to. */
function route(path) {
  const page = PAGES.find((g) => path.startsWith(g.prefix));
  if (page) return { View: page.View, param: decodeURIComponent(path.slice(page.prefix.length)), menu: page.parent };
  return { View: VIEWS.find((v) => v.path === path).View, param: null, menu: path };
}

function LiveIndicator() {
  const [status, setStatus] = useState(liveStatus());
  useEffect(() => onLiveStatus(setStatus), []);
  const text = status.state === 'live' ? 'Live' : status.state === 'connecting' ? 'Connecting' : 'Offline';
  return (
    <span class={`live live-${status.state}`} title={status.detail || ''} data-testid="live-status" role="status">
      <span class="dot" aria-hidden="true" /> {text}
    </span>
  );
}

export function App() {
  const [credential, setCredential] = useState(currentCredential());
  const [path, setPath] = useState(currentPath());
  const [theme, setTheme] = useState(initialTheme());

  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    const onHash = () => setPath(currentPath());
    window.addEventListener('hashchange', onHash);
    whenUnauthorized(() => setCredential(null));
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!credential) return undefined;
    startLive();
    return stopLive;
  }, [credential]);

  const themeButton = (
    <button type="button" class="ghost" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
      aria-label={`Switch to the ${theme === 'dark' ? 'light' : 'dark'} theme`}>
      {theme === 'dark' ? 'Light theme' : 'Dark theme'}
    </button>
  );

  if (!credential) {
    return (
      <>
        <header class="top"><span class="brand">Tideline</span><span class="spacer" />{themeButton}</header>
        <Login onLogin={() => setCredential(currentCredential())} />
      </>
    );
  }
  const { View, param, menu } = route(path);
  return (
    <>
      {/* moves focus without touching the hash, which is the router's */}
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Tideline</span>
        <nav aria-label="Views">
          {VIEWS.filter((v) => !v.role || callerMay(v.role, credential)).map((v) => (
            <a key={v.path} href={`#/${v.path}`} aria-current={v.path === menu ? 'page' : undefined}>{v.label}</a>
          ))}
        </nav>
        <span class="spacer" />
        <LiveIndicator />
        <span class="muted small" data-testid="who">{credential.label}</span>
        {themeButton}
        <button type="button" class="ghost" onClick={() => { forgetCredential(); setCredential(null); }}>Sign out</button>
      </header>
      <main id="main" tabIndex={-1}>
        <View key={path} param={param} />
      </main>
    </>
  );
}
