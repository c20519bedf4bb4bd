// One stream for the whole page; views subscribe to the event types that change what they show and reload their
// data when such an event arrives (a burst of events gives one reload). Only stream.js knows the wire format.
import { credentialHeaders } from './auth.js';
import { openEventStream } from './stream.js';

const listeners = new Set();
const statusListeners = new Set();
let stream = null;
let status = { state: 'down', detail: 'not connected' };

export function startLive() {
  stopLive();
  stream = openEventStream({
    headers: () => credentialHeaders(),
    onEvent: (event) => listeners.forEach((l) => l(event)),
    onStatus: (state, detail) => {
      status = { state, detail };
      statusListeners.forEach((l) => l(status));
    },
  });
}

export function stopLive() {
  stream?.close();
  stream = null;
}

export function liveStatus() {
  return status;
}

export function onLiveStatus(listener) {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/**
 * Calls `refresh` after events whose type `matches` (a predicate on the type), at most once per `settleMs`
 * (events in between are folded into that one refresh). Returns the unsubscribe function.
 */
export function onEvents(matches, refresh, settleMs = 300) {
  let timer = null;
  const listener = (event) => {
    if (!matches(event.type)) return;
    if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        refresh(event);
      }, settleMs);
    }
  };
  listeners.add(listener);
  return () => {
    clearTimeout(timer);
    listeners.delete(listener);
  };
}

/** Types by the views that show them (the envelope's type, EventType's names). */
// 'missed': the gateway could not replay what this tab missed while away; every view refetches
export const isAlertEvent = (type) => typeof type === 'string' && (type.startsWith('Alert') || type === 'missed');
export const isLpOrHedgeEvent = (type) => typeof type === 'string'
  && (type.startsWith('Lp') || type.startsWith('Hedge') || type === 'missed');
export const isPortfolioEvent = (type) => typeof type === 'string' && !isAlertEvent(type) && type !== 'PriceObserved';
export const isHedgeEvent = (type) => typeof type === 'string' && (type.startsWith('Hedge') || type === 'missed');
export const isPredictionMarketEvent = (type) => typeof type === 'string'
  && (type === 'PnlRealized' || type.startsWith('Execution') || type === 'missed');
// settlement's facts (mm.settlement and the fills it settles) and the stop-loss alerts it raises
export const isSettlementEvent = (type) => typeof type === 'string'
  && (['FillRecorded', 'PositionUncovered', 'TakeProfitPlaced', 'TakeProfitFilled', 'SessionSettled'].includes(type)
    || type === 'AlertRaised' || type === 'missed');
