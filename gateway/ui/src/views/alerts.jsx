import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Badge, LoadState } from '../components.jsx';
import { useLiveData } from '../hooks.js';
import { isAlertEvent } from '../live.js';

const STATES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const SNOOZE_SECONDS = 3600;

function query(filter) {
  const q = new URLSearchParams({ limit: '200' });
  if (filter.state) q.set('state', filter.state);
  if (filter.severity) q.set('severity', filter.severity);
  return `/api/v1/alerts?${q}`;
}

function AlertRow({ alert, onAct, busy }) {
  const snoozed = alert.snoozedUntil && Date.parse(alert.snoozedUntil) > Date.now();
  return (
    <li class={`alert-item sev-${alert.severity.toLowerCase()}`} data-alert={alert.alertId}>
      <div class="alert-head">
        <Badge kind={alert.severity}>{alert.severity}</Badge>
        <Badge kind={alert.state}>{alert.state}</Badge>
        {snoozed && <Badge kind="snoozed">snoozed until {alert.snoozedUntil}</Badge>}
        <strong class="alert-title">{alert.title}</strong>
      </div>
      <p class="small">{alert.detail}</p>
      <p class="muted small">
        {alert.ruleName} · {alert.subjectKey} · raised {alert.raisedAt} · seen {alert.occurrences}×
        {alert.acknowledgedBy && ` · acknowledged by ${alert.acknowledgedBy}`}
      </p>
      <div class="actions">
        {alert.state === 'OPEN' && (
          <button type="button" disabled={busy} onClick={() => onAct(alert, 'acknowledge', {})}>
            Acknowledge<span class="visually-hidden"> {alert.title}</span>
          </button>
        )}
        {alert.state !== 'RESOLVED' && (
          <button type="button" disabled={busy} onClick={() => onAct(alert, 'snooze', { forSeconds: SNOOZE_SECONDS })}>
            Snooze 1 h<span class="visually-hidden"> {alert.title}</span>
          </button>
        )}
        {alert.state !== 'RESOLVED' && (
          <button type="button" disabled={busy} onClick={() => onAct(alert, 'resolve', {})}>
            Resolve<span class="visually-hidden"> {alert.title}</span>
          </button>
        )}
      </div>
    </li>
  );
}

export function AlertsView() {
  const [filter, setFilter] = useState({ state: 'OPEN', severity: '' });
  const [busy, setBusy] = useState(null);
  const [actionError, setActionError] = useState(null);
  const state = useLiveData(() => api(query(filter)), isAlertEvent, [filter.state, filter.severity]);

  async function act(alert, action, body) {
    setBusy(alert.alertId);
    setActionError(null);
    try {
      await api(`/api/v1/alerts/${encodeURIComponent(alert.alertId)}/${action}`, { method: 'POST', body });
      state.reload();
    } catch (e) {
      setActionError(`${action} failed: ${e.message}`);
    } finally {
      setBusy(null);
    }
  }

  const alerts = state.data ?? [];
  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">Alerts</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          State
          <select value={filter.state} onChange={(e) => setFilter({ ...filter, state: e.currentTarget.value })}>
            <option value="">All</option>
            {STATES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </select>
        </label>
        <label>
          Severity
          <select value={filter.severity} onChange={(e) => setFilter({ ...filter, severity: e.currentTarget.value })}>
            <option value="">All</option>
            {SEVERITIES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </select>
        </label>
        <span class="muted small" aria-live="polite" data-testid="alert-count">{state.data ? `${alerts.length} alerts` : ''}</span>
      </form>
      {actionError && <p role="alert" class="error">{actionError}</p>}
      <LoadState state={state} what="the alerts" />
      {state.data && alerts.length === 0 && <p class="muted">No alerts match.</p>}
      <ul class="alert-list" aria-label="Alerts, newest first">
        {alerts.map((a) => <AlertRow key={a.alertId} alert={a} onAct={act} busy={busy === a.alertId} />)}
      </ul>
    </section>
  );
}
