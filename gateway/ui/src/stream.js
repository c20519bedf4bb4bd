// The live stream: the gateway's GET /api/v1/stream (server-sent events), read with fetch so that the caller's
// Authorization / X-Api-Key header goes with it (EventSource cannot send headers). Everything that knows the wire
// format is in this file: an event's `data:` is the platform's EventEnvelope JSON
// ({eventId, type, version, occurredAt, source, key, correlationId, payload}); `event:` is expected to be its type
// and is used only when the envelope has none. Reconnects after a drop with a growing pause and Last-Event-ID; it
// never polls.

export const STREAM_PATH = '/api/v1/stream';

/**
 * An incremental SSE parser (the WHATWG event-stream rules): feed it text as it arrives; `onMessage` gets
 * {event, data, id} for each dispatched event. `retry` fields go to `onRetry` (milliseconds).
 */
export function createSseParser(onMessage, onRetry = () => {}) {
  let buffer = '';
  let data = [];
  let event = '';
  let lastId = '';
  let sawData = false;

  function line(text) {
    if (text === '') {
      if (sawData) {
        onMessage({ event: event || 'message', data: data.join('\n'), id: lastId });
      }
      data = [];
      event = '';
      sawData = false;
      return;
    }
    if (text.startsWith(':')) return; // a comment (keep-alive)
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      data.push(value);
      sawData = true;
    } else if (field === 'event') {
      event = value;
    } else if (field === 'id') {
      if (!value.includes('\0')) lastId = value;
    } else if (field === 'retry') {
      if (/^\d+$/.test(value)) onRetry(Number(value));
    }
  }

  return {
    push(chunk) {
      buffer += chunk;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c === '\n' || c === '\r') {
          if (c === '\r' && i + 1 === buffer.length) break; // maybe half of \r\n: wait for the next chunk
          line(buffer.slice(start, i));
          if (c === '\r' && buffer[i + 1] === '\n') i++;
          start = i + 1;
        }
      }
      buffer = buffer.slice(start);
    },
    get lastEventId() {
      return lastId;
    },
  };
}

/**
 * The platform event in one SSE message. The gateway's data is {topic, partition, offset, event: the envelope} and the
 * SSE event name is the envelope's type; a bare envelope is taken too. A `missed` event (the gateway could not replay
 * what the tab missed) comes through with type 'missed', so that every view refetches.
 */
export function toPlatformEvent(message) {
  let data;
  try {
    data = JSON.parse(message.data);
  } catch {
    return null; // not an envelope (e.g. a hello or heartbeat): nothing for the views
  }
  if (data === null || typeof data !== 'object') return null;
  const envelope = data.event !== null && typeof data.event === 'object' ? data.event : data;
  const type = typeof envelope.type === 'string' ? envelope.type : message.event;
  return { type, id: message.id || envelope.eventId, envelope, topic: data.topic };
}

/** The pause before reconnect attempt n (1, 2, ...): 1 s doubling to 30 s, or the server's retry if it gave one. */
export function reconnectDelay(attempt, serverRetry) {
  if (serverRetry != null) return serverRetry;
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Opens the stream and keeps it open until `close()`. `headers()` gives the credential headers for each
 * (re)connection; `onEvent(platformEvent)` for each event; `onStatus('connecting'|'live'|'down', detail)`.
 * A 401/403 stops it (the credential is not good enough); anything else reconnects.
 */
export function openEventStream({ headers, onEvent, onStatus = () => {}, fetchImpl = fetch, url = STREAM_PATH }) {
  let closed = false;
  let controller = null;
  let attempt = 0;
  let serverRetry = null;
  let lastEventId = '';
  let timer = null;

  async function connect() {
    if (closed) return;
    onStatus('connecting');
    controller = new AbortController();
    try {
      const h = { Accept: 'text/event-stream', ...headers() };
      if (lastEventId) h['Last-Event-ID'] = lastEventId;
      const answer = await fetchImpl(url, { headers: h, signal: controller.signal, cache: 'no-store' });
      if (answer.status === 401 || answer.status === 403) {
        onStatus('down', `the stream refused the credential (${answer.status})`);
        return;
      }
      if (!answer.ok || !answer.body) {
        throw new Error(`the stream answered ${answer.status}`);
      }
      attempt = 0;
      onStatus('live');
      const parser = createSseParser((message) => {
        if (message.id) lastEventId = message.id;
        const event = toPlatformEvent(message);
        if (event) onEvent(event);
      }, (ms) => { serverRetry = ms; });
      const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
      throw new Error('the stream ended');
    } catch (e) {
      if (closed) return;
      attempt++;
      const delay = reconnectDelay(attempt, serverRetry);
      onStatus('down', `${e.message}; reconnecting in ${Math.round(delay / 1000)} s`);
      timer = setTimeout(connect, delay);
    }
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      controller?.abort();
    },
  };
}
