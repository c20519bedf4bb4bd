import { useEffect, useState } from 'preact/hooks';
import { roleOf, saveCredential } from './auth.js';

/** Where the local profile's dev login lives (404 everywhere else). */
export const DEV_LOGIN = '/dashboard/dev-login';

export function Login({ onLogin }) {
  const [devRoles, setDevRoles] = useState(null);
  const [role, setRole] = useState('trader');
  const [token, setToken] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState(null);

  useEffect(() => {
    fetch(DEV_LOGIN, { headers: { Accept: 'application/json' } })
      .then((a) => (a.ok ? a.json() : null))
      .then((d) => setDevRoles(d ? d.roles : null), () => setDevRoles(null));
  }, []);

  async function devLogin(e) {
    e.preventDefault();
    setError(null);
    const answer = await fetch(DEV_LOGIN, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ role }),
    });
    if (!answer.ok) {
      setError(`dev login refused (${answer.status})`);
      return;
    }
    const t = await answer.json();
    saveCredential({ kind: 'bearer', value: t.token, label: `${t.subject} (${t.role})`, role: t.role, expiresAt: t.expiresAt });
    onLogin();
  }

  function useToken(e) {
    e.preventDefault();
    const value = token.trim().replace(/^Bearer\s+/i, '');
    if (!value) return;
    saveCredential({ kind: 'bearer', value, label: `token (${roleOf(value) ?? 'no role'})`, role: roleOf(value) });
    onLogin();
  }

  function useApiKey(e) {
    e.preventDefault();
    if (!apiKey.trim()) return;
    saveCredential({ kind: 'apikey', value: apiKey.trim(), label: 'API key' });
    onLogin();
  }

  return (
    <main id="main" class="login">
      <h1>Tideline</h1>
      <p class="muted">Sign in through the gateway: a bearer token (issuer tideline) or an API key.</p>
      {error && <p role="alert" class="error">{error}</p>}
      {devRoles && (
        <form class="card" onSubmit={devLogin} aria-labelledby="dev-login-title">
          <h2 id="dev-login-title">Dev login (local profile)</h2>
          <label>
            Role
            <select value={role} onChange={(e) => setRole(e.currentTarget.value)}>
              {devRoles.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
          </label>
          <button type="submit">Sign in as {role}</button>
        </form>
      )}
      <form class="card" onSubmit={useToken} aria-labelledby="token-title">
        <h2 id="token-title">Bearer token</h2>
        <label>
          Token (./platform token --role trader)
          <textarea rows={3} value={token} onInput={(e) => setToken(e.currentTarget.value)} autocomplete="off" />
        </label>
        <button type="submit">Use token</button>
      </form>
      <form class="card" onSubmit={useApiKey} aria-labelledby="key-title">
        <h2 id="key-title">API key</h2>
        <label>
          Key
          <input type="password" value={apiKey} onInput={(e) => setApiKey(e.currentTarget.value)} autocomplete="off" />
        </label>
        <button type="submit">Use API key</button>
      </form>
    </main>
  );
}
