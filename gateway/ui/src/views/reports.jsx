import { useState } from 'preact/hooks';
import { api, download } from '../api.js';
import { callerMay } from '../auth.js';
import { LoadState } from '../components.jsx';
import { useLiveData } from '../hooks.js';
import { formatDecimal } from '../money.js';

/** The formats analytics makes, with the content type each is asked for by. */
const FORMATS = [
  ['CSV', 'text/csv'],
  ['XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['PDF', 'application/pdf'],
];
const ACCEPT = Object.fromEntries(FORMATS);

function utcDay(offsetDays) {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offsetDays)).toISOString().slice(0, 10);
}

/** Hands a downloaded Blob to the browser as a file, under the name the server gave it. */
function save({ blob, fileName }) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Period({ period, setPeriod, idPrefix }) {
  return (
    <>
      <label for={`${idPrefix}-from`}>From (UTC day)
        <input id={`${idPrefix}-from`} type="date" value={period.from} onInput={(e) => setPeriod({ ...period, from: e.currentTarget.value })} />
      </label>
      <label for={`${idPrefix}-to`}>To (UTC day, exclusive)
        <input id={`${idPrefix}-to`} type="date" value={period.to} onInput={(e) => setPeriod({ ...period, to: e.currentTarget.value })} />
      </label>
    </>
  );
}

function periodQuery(period) {
  return { from: `${period.from}T00:00:00Z`, to: `${period.to}T00:00:00Z` };
}

function Downloads({ what, path, params, onFile, busy }) {
  return (
    <div class="actions" role="group" aria-label={`Download the ${what}`}>
      {FORMATS.map(([format]) => (
        <button key={format} type="button" disabled={busy}
          onClick={() => onFile(`${path}?${new URLSearchParams({ ...params, format })}`, ACCEPT[format])}>
          {format}<span class="visually-hidden"> of the {what}</span>
        </button>
      ))}
    </div>
  );
}

function size(bytes) {
  return bytes < 1024 ? `${bytes} B` : `${formatDecimal(String(Math.round((bytes * 10) / 1024) / 10), { places: 1 })} KiB`;
}

export function ReportsView() {
  const [portfolio, setPortfolio] = useState({ level: 'DESK', scope: 'desk', from: utcDay(-7), to: utcDay(1) });
  const [lots, setLots] = useState({ method: 'FIFO', from: utcDay(-365), to: utcDay(1) });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState(null);
  const kept = useLiveData(() => api('/api/v1/reports?limit=50'), null);
  const mayTrade = callerMay('trader');

  async function file(path, accept) {
    setBusy(true);
    setMessage(null);
    try {
      const got = await download(path, accept);
      save(got);
      setMessage({ ok: true, text: `Downloaded ${got.fileName} (${size(got.blob.size)})` });
    } catch (e) {
      setMessage({ ok: false, text: `Download failed: ${e.message}` });
    } finally {
      setBusy(false);
    }
  }

  async function makeDue() {
    setBusy(true);
    try {
      const made = await api('/api/v1/reports/scheduled/run', { method: 'POST' });
      setMessage({ ok: true, text: `${made.kept} due reports made and kept` });
      kept.reload();
    } catch (e) {
      setMessage({ ok: false, text: e.message });
    } finally {
      setBusy(false);
    }
  }

  const reports = kept.data?.reports ?? [];
  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">Reports</h1>
      {message && <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'} data-testid="report-message">{message.text}</p>}
      <div class="cards">
        <section class="card" aria-labelledby="portfolio-report">
          <h2 id="portfolio-report">Portfolio report</h2>
          <p class="small muted">Figures, attribution, value series with drawdowns and risk of a scope over a period.</p>
          <form class="filters" onSubmit={(e) => e.preventDefault()}>
            <label for="report-level">Level
              <select id="report-level" value={portfolio.level} onChange={(e) => {
                const level = e.currentTarget.value;
                setPortfolio({ ...portfolio, level, scope: level === 'DESK' ? 'desk' : level === 'BOOK' ? 'LP' : '' });
              }}>
                <option value="DESK">desk</option><option value="BOOK">book</option><option value="STRATEGY">strategy</option>
              </select>
            </label>
            <label for="report-scope">Scope
              <input id="report-scope" value={portfolio.scope} disabled={portfolio.level === 'DESK'}
                onInput={(e) => setPortfolio({ ...portfolio, scope: e.currentTarget.value })} />
            </label>
            <Period period={portfolio} setPeriod={setPortfolio} idPrefix="portfolio" />
          </form>
          <Downloads what="portfolio report" path="/api/v1/reports/portfolio" busy={busy} onFile={file}
            params={{ level: portfolio.level, scope: portfolio.scope, ...periodQuery(portfolio) }} />
        </section>
        <section class="card" aria-labelledby="lots-report">
          <h2 id="lots-report">Tax lots</h2>
          <p class="small muted">Disposals in the period, open lots, short- and long-term gains of the prediction-market and perp trades.</p>
          <form class="filters" onSubmit={(e) => e.preventDefault()}>
            <label for="lots-method">Method
              <select id="lots-method" value={lots.method} onChange={(e) => setLots({ ...lots, method: e.currentTarget.value })}>
                {['FIFO', 'LIFO', 'HIFO'].map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            </label>
            <Period period={lots} setPeriod={setLots} idPrefix="lots" />
          </form>
          <Downloads what="tax lots" path="/api/v1/reports/tax-lots" busy={busy} onFile={file}
            params={{ method: lots.method, ...periodQuery(lots) }} />
        </section>
      </div>
      <h2>Kept reports</h2>
      <p class="small muted">The daily and weekly reports analytics makes by itself.
        {mayTrade && <> <button type="button" disabled={busy} onClick={makeDue}>Make the due reports now</button></>}</p>
      <LoadState state={kept} what="the kept reports" />
      {kept.data && reports.length === 0 && <p class="muted">None kept yet.</p>}
      {reports.length > 0 && (
        <div class="table-wrap" role="region" tabIndex={0} aria-label="Kept reports, newest first">
          <table>
            <thead><tr>
              <th scope="col">Made</th><th scope="col">Report</th><th scope="col">Format</th><th scope="col">Scope</th>
              <th scope="col">Period</th><th scope="col">Schedule</th><th scope="col" class="r">Size</th><th scope="col">File</th>
            </tr></thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.reportId} data-report={r.reportId}>
                  <td class="small">{r.createdAt}</td><td>{r.kind}</td><td>{r.format}</td><td>{r.scope ?? ''}</td>
                  <td class="small">{r.periodFrom} – {r.periodTo}</td><td>{r.schedule}</td>
                  <td class="r num">{size(r.size)}</td>
                  <td><button type="button" disabled={busy}
                    onClick={() => file(`/api/v1/reports/stored/${encodeURIComponent(r.reportId)}`, r.contentType)}>
                    Download<span class="visually-hidden"> {r.reportId}</span></button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
