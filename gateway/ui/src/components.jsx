import { formatUsd, signOf } from './money.js';

/** A P&L amount: signed dollars, coloured and named by its sign for screen readers too. */
export function Pnl({ value, places = 2 }) {
  if (value == null) return <span class="muted">—</span>;
  const sign = signOf(value);
  const cls = sign > 0 ? 'gain' : sign < 0 ? 'loss' : '';
  return <span class={`num ${cls}`}>{formatUsd(value, { places, signed: true })}</span>;
}

export function LoadState({ state, what }) {
  if (state.error) {
    return <p role="alert" class="error">Could not load {what}: {state.error.message}</p>;
  }
  if (state.loading && !state.data) return <p class="muted" aria-live="polite">Loading {what}…</p>;
  return null;
}

export function Badge({ kind, children }) {
  return <span class={`badge badge-${String(kind).toLowerCase()}`}>{children}</span>;
}
