import { useEffect, useState } from 'preact/hooks';
import { whenUnauthorized } from './api.js';
import { currentCredential, forgetCredential } from './auth.js';
import { liveStatus, onLiveStatus, startLive, stopLive } from './live.js';
import { Login } from './login.jsx';
import { applyTheme, initialTheme } from './theme.js';
import { AlertsView } from './views/alerts.jsx';
import { LpView } from './views/lp.jsx';
import { PortfolioView } from './views/portfolio.jsx';

const VIEWS = [
  { path: 'portfolio', label: 'Portfolio', View: PortfolioView },
  { path: 'lp', label: 'LP positions', View: LpView },
  { path: 'alerts', label: 'Alerts', View: AlertsView },
];

function currentPath() {
  const p = location.hash.replace(/^#\/?/, '');
  return VIEWS.some((v) => v.path === p) ? p : 'portfolio';
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
  const { View } = VIEWS.find((v) => v.path === path);
  return (
    <>
      {/* moves focus without touching the hash, which is the router's */}
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Tideline</span>
        <nav aria-label="Views">
          {VIEWS.map((v) => (
            <a key={v.path} href={`#/${v.path}`} aria-current={v.path === path ? 'page' : undefined}>{v.label}</a>
          ))}
        </nav>
        <span class="spacer" />
        <LiveIndicator />
        <span class="muted small" data-testid="who">{credential.label}</span>
        {themeButton}
        <button type="button" class="ghost" onClick={() => { forgetCredential(); setCredential(null); }}>Sign out</button>
      </header>
      <main id="main" tabIndex={-1}>
        <View />
      </main>
    </>
  );
}
