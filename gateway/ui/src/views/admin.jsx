import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { callerMay } from '../auth.js';
import { Badge, LoadState } from '../components.jsx';
import { useLiveData } from '../hooks.js';

// The gateway's operations API (/api/v1/admin/**). Health, lag and dead-letter depth are read when the page opens and
// on Refresh (they change on no event the stream carries); settings, letters and keys after each change made here.

function Message({ message }) {
  if (!message) return null;
  return <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'}>{message.text}</p>;
}

/** Runs an admin action, then says how it went and reloads what it changed. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState(null);
  async function run(call, describe, reload) {
    setBusy(true);
    setMessage(null);
    try {
      const answer = await call();
      setMessage({ ok: true, text: describe(answer) });
      reload?.();
    } catch (e) {
      setMessage({ ok: false, text: e.message });
    } finally {
      setBusy(false);
    }
  }
  return { busy, message, run };
}

function Health({ onBrowse }) {
  const state = useLiveData(() => api('/api/v1/admin/health'), null);
  const h = state.data;
  return (
    <section aria-labelledby="health-title">
      <h2 id="health-title">Health {h && <Badge kind={h.status === 'UP' ? 'active' : 'failed'}>{h.status}</Badge>}</h2>
      <p class="small muted">
        {h && <>Read at {h.at}; each part waited for at most {h.timeoutMs} ms. </>}
        <button type="button" onClick={() => state.reload()} disabled={state.loading}>Refresh health</button>
      </p>
      <LoadState state={state} what="the platform's health" />
      {h && (
        <>
          <div class="table-wrap" role="region" tabIndex={0} aria-label="Services">
            <table>
              <thead><tr>
                <th scope="col">Service</th><th scope="col">Status</th><th scope="col">Why</th><th scope="col">Relay</th>
                <th scope="col" class="r">Outbox backlog</th><th scope="col" class="r">Consumers</th>
                <th scope="col" class="r">Dead-lettered</th><th scope="col" class="r">Parked keys</th>
              </tr></thead>
              <tbody>
                {h.services.map((s) => (
                  <tr key={s.name} data-service={s.name}>
                    <th scope="row">{s.name}</th>
                    <td><Badge kind={s.status === 'UP' ? 'active' : 'failed'}>{s.status}</Badge></td>
                    <td class="small">{s.reason ?? ''}</td>
                    <td>{s.relay ?? '—'}</td>
                    <td class="r num">{s.outboxBacklog ?? '—'}</td>
                    <td class="r num">{s.consumers.length}</td>
                    <td class="r num">{s.consumers.reduce((n, c) => n + c.deadLettered, 0)}</td>
                    <td class="r num">{s.parkedKeys ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>Consumer lag {h.kafka.status !== 'UP' && <Badge kind="failed">Kafka {h.kafka.status}: {h.kafka.reason}</Badge>}</h3>
          {h.kafka.consumerLag.length === 0 ? <p class="muted small">No consumer groups of the platform.</p> : (
            <div class="table-wrap" role="region" tabIndex={0} aria-label="Consumer lag by group">
              <table class="compact">
                <thead><tr><th scope="col">Group</th><th scope="col" class="r">Lag</th><th scope="col">By topic</th></tr></thead>
                <tbody>
                  {h.kafka.consumerLag.map((g) => (
                    <tr key={g.group} data-group={g.group}>
                      <th scope="row">{g.group}</th><td class="r num">{g.lag}</td>
                      <td class="small">{Object.entries(g.byTopic).map(([t, n]) => `${t} ${n}`).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>Dead letters</h3>
          <div class="table-wrap" role="region" tabIndex={0} aria-label="Dead-letter topics">
            <table class="compact">
              <thead><tr><th scope="col">Topic</th><th scope="col" class="r">Letters</th><th scope="col">Browse</th></tr></thead>
              <tbody>
                {h.kafka.deadLetters.map((d) => (
                  <tr key={d.topic} data-dlq={d.topic}>
                    <th scope="row">{d.topic}</th><td class="r num">{d.depth}</td>
                    <td>{d.depth > 0 && <button type="button" onClick={() => onBrowse(d.topic)}>Letters<span class="visually-hidden"> of {d.topic}</span></button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

const LETTERS = 50;

/** The latest letters of a topic: of one partition the last {@link LETTERS}; of several, the first of each. */
async function loadLetters(topic) {
  const path = `/api/v1/admin/dlq/${encodeURIComponent(topic)}`;
  const page = await api(`${path}?limit=${LETTERS}`);
  const [only] = page.partitions;
  if (page.partitions.length === 1 && only.end - only.begin > LETTERS) {
    return api(`${path}?partition=${only.partition}&from=${only.end - LETTERS}&limit=${LETTERS}`);
  }
  return page;
}

function Letters({ topic }) {
  const state = useLiveData(() => loadLetters(topic), null, [topic]);
  const action = useAction();
  const page = state.data;
  const replay = (l) => action.run(
    () => api(`/api/v1/admin/dlq/${encodeURIComponent(topic)}/replay`, { method: 'POST', body: { letters: [{ partition: l.partition, offset: l.offset }] } }),
    (a) => a.letters.map((r) => `${topic}-${r.partition}@${r.offset}: ${r.outcome}${r.targetTopic ? ` to ${r.targetTopic}` : ''}`).join('; '),
    state.reload,
  );
  return (
    <section aria-labelledby="letters-title">
      <h3 id="letters-title">Letters of {topic}</h3>
      <Message message={action.message} />
      <LoadState state={state} what={`the letters of ${topic}`} />
      {page && (
        <>
          <p class="small muted">{page.partitions.map((p) => `partition ${p.partition}: offsets ${p.begin}–${p.end - 1}`).join('; ')}</p>
          <div class="table-wrap" role="region" tabIndex={0} aria-label={`Letters of ${topic}`}>
            <table class="compact">
              <thead><tr>
                <th scope="col">Place</th><th scope="col">Key</th><th scope="col">Event</th><th scope="col">Why</th>
                <th scope="col">Consumer</th><th scope="col">Replayed</th><th scope="col">Replay</th>
              </tr></thead>
              <tbody>
                {page.letters.map((l) => (
                  <tr key={`${l.partition}@${l.offset}`} data-letter={`${l.partition}@${l.offset}`}>
                    <th scope="row" class="num">{l.partition}@{l.offset}</th>
                    <td class="small">{l.key}</td>
                    <td class="small">{l.eventType ?? '(not an event)'}</td>
                    <td class="small">{[l.reason, l.error].filter(Boolean).join(': ')}</td>
                    <td class="small">{l.consumer ?? ''}</td>
                    <td class="small">{l.replayedAt ? `${l.replayedAt} by ${l.replayedBy}` : ''}</td>
                    <td>{!l.replayedAt && (
                      <button type="button" disabled={action.busy} onClick={() => replay(l)}>
                        Replay<span class="visually-hidden"> letter {l.partition}@{l.offset}</span>
                      </button>
                    )}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function IntegerSetting({ setting, onSave, busy }) {
  const [value, setValue] = useState(setting.value);
  return (
    <form class="inline" onSubmit={(e) => { e.preventDefault(); onSave(Number.parseInt(value, 10)); }}>
      <input type="number" min={setting.min ?? undefined} max={setting.max ?? undefined} value={value}
        onInput={(e) => setValue(e.currentTarget.value)} aria-label={`New value of ${setting.key}`} />
      <button type="submit" disabled={busy}>Save<span class="visually-hidden"> {setting.key}</span></button>
    </form>
  );
}

function Settings() {
  const state = useLiveData(() => api('/api/v1/admin/settings'), null);
  const action = useAction();
  const set = (s, value) => action.run(
    () => api(`/api/v1/admin/settings/${encodeURIComponent(s.key)}`, { method: 'PUT', body: { value } }),
    (v) => `${v.key} is now ${v.value}`, state.reload,
  );
  const reset = (s) => action.run(
    () => api(`/api/v1/admin/settings/${encodeURIComponent(s.key)}`, { method: 'DELETE' }),
    (v) => `${v.key} is back to its default, ${v.value}`, state.reload,
  );
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">Feature flags and settings</h2>
      <Message message={action.message} />
      <LoadState state={state} what="the settings" />
      {state.data && (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="Settings">
          <table>
            <thead><tr>
              <th scope="col">Setting</th><th scope="col">What it does</th><th scope="col">In force</th>
              <th scope="col">Default</th><th scope="col">Set by</th><th scope="col">Change</th>
            </tr></thead>
            <tbody>
              {state.data.map((s) => (
                <tr key={s.key} data-setting={s.key}>
                  <th scope="row">{s.key}</th>
                  <td class="small">{s.description}{s.type === 'INTEGER' && s.min != null && ` (${s.min}–${s.max})`}</td>
                  <td><strong data-testid="setting-value">{s.value}</strong></td>
                  <td>{s.defaultValue}</td>
                  <td class="small">{s.set ? `${s.changedBy} at ${s.changedAt}` : 'default'}</td>
                  <td class="actions">
                    {s.type === 'BOOLEAN' ? (
                      <button type="button" disabled={action.busy} onClick={() => set(s, s.value !== 'true')}>
                        {s.value === 'true' ? 'Turn off' : 'Turn on'}<span class="visually-hidden"> {s.key}</span>
                      </button>
                    ) : <IntegerSetting key={s.value} setting={s} busy={action.busy} onSave={(v) => set(s, v)} />}
                    {s.set && (
                      <button type="button" disabled={action.busy} onClick={() => reset(s)}>
                        Reset<span class="visually-hidden"> {s.key} to its default</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ApiKeys() {
  const state = useLiveData(() => api('/api/v1/admin/keys'), null);
  const action = useAction();
  const [name, setName] = useState('');
  const [role, setRole] = useState('viewer');
  const [created, setCreated] = useState(null);
  const create = (e) => {
    e.preventDefault();
    setCreated(null);
    action.run(() => api('/api/v1/admin/keys', { method: 'POST', body: { name, role } }), (c) => {
      setCreated(c);
      setName('');
      return `Key ${c.apiKey.name} (${c.apiKey.role}) made`;
    }, state.reload);
  };
  const revoke = (k) => action.run(() => api(`/api/v1/admin/keys/${encodeURIComponent(k.id)}`, { method: 'DELETE' }),
    (r) => `Key ${r.name} revoked`, state.reload);
  const keys = state.data ?? [];
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <form class="filters" onSubmit={create}>
        <label for="key-name">Name<input id="key-name" value={name} required onInput={(e) => setName(e.currentTarget.value)} /></label>
        <label for="key-role">Role
          <select id="key-role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            {['viewer', 'trader', 'admin'].map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        <button type="submit" disabled={action.busy}>Make a key</button>
      </form>
      <Message message={action.message} />
      {created && (
        <p class="card small" role="note">Copy it now, it is shown this once:{' '}
          <code data-testid="new-key">{created.key}</code></p>
      )}
      <LoadState state={state} what="the API keys" />
      {keys.length > 0 && (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="API keys">
          <table>
            <thead><tr>
              <th scope="col">Name</th><th scope="col">Role</th><th scope="col">Prefix</th><th scope="col">Made</th>
              <th scope="col">Last used</th><th scope="col">Revoked</th><th scope="col">Revoke</th>
            </tr></thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} data-key={k.name}>
                  <th scope="row">{k.name}</th><td>{k.role}</td><td class="small"><code>{k.prefix}…</code></td>
                  <td class="small">{k.createdAt} by {k.createdBy}</td><td class="small">{k.lastUsedAt ?? 'never'}</td>
                  <td class="small revoked">{k.revokedAt ? `${k.revokedAt} by ${k.revokedBy}` : ''}</td>
                  <td>{!k.revokedAt && (
                    <button type="button" disabled={action.busy} onClick={() => revoke(k)}>
                      Revoke<span class="visually-hidden"> key {k.name}</span>
                    </button>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function AdminView() {
  const [browsing, setBrowsing] = useState(null);
  if (!callerMay('admin')) {
    return (
      <section aria-labelledby="admin-title">
        <h1 id="admin-title">Admin</h1>
        <p role="alert" class="error">The admin pages need the admin role.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">Admin</h1>
      <Health onBrowse={setBrowsing} />
      {browsing && <Letters key={browsing} topic={browsing} />}
      <Settings />
      <ApiKeys />
    </section>
  );
}
