import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSseParser, openEventStream, reconnectDelay, toPlatformEvent } from '../src/stream.js';

function collect() {
  const got = [];
  return { got, parser: createSseParser((m) => got.push(m)) };
}

test('dispatches an event at the blank line, joining data lines', () => {
  const { got, parser } = collect();
  parser.push('event: AlertRaised\nid: 7\ndata: {"a":\ndata: 1}\n\n');
  assert.deepEqual(got, [{ event: 'AlertRaised', data: '{"a":\n1}', id: '7' }]);
});

test('reassembles events split anywhere across chunks, with CRLF, CR or LF endings', () => {
  const { got, parser } = collect();
  const wire = 'data: one\r\n\r\n: keep-alive\r\ndata: two\r\rdata: three\n\n';
  for (const ch of wire) parser.push(ch);
  assert.deepEqual(got.map((m) => m.data), ['one', 'two', 'three']);
});

test('ignores comments and an event without data; keeps the last id', () => {
  const { got, parser } = collect();
  parser.push(': hello\n\nevent: x\n\nid: 5\ndata: y\n\ndata: z\n\n');
  assert.deepEqual(got, [{ event: 'message', data: 'y', id: '5' }, { event: 'message', data: 'z', id: '5' }]);
  assert.equal(parser.lastEventId, '5');
});

test('reads the platform envelope, its type before the event field', () => {
  const data = JSON.stringify({ eventId: 'e1', type: 'AlertRaised', version: 1, key: 'k', payload: { alertId: 'a' } });
  assert.equal(toPlatformEvent({ event: 'other', data, id: '' }).type, 'AlertRaised');
  assert.equal(toPlatformEvent({ event: 'other', data, id: '' }).id, 'e1');
  assert.equal(toPlatformEvent({ event: 'LpValued', data: '{"payload":{}}', id: '9' }).type, 'LpValued');
  assert.equal(toPlatformEvent({ event: 'hello', data: 'not json', id: '' }), null);
});

test('unwraps the gateway stream data: {topic, partition, offset, event: envelope}', () => {
  const data = JSON.stringify({ topic: 'alerts', partition: 1, offset: 42,
    event: { eventId: 'e2', type: 'AlertRaised', payload: { alertId: 'a1' } } });
  const e = toPlatformEvent({ event: 'AlertRaised', data, id: 'x-3' });
  assert.equal(e.type, 'AlertRaised');
  assert.equal(e.id, 'x-3');
  assert.equal(e.topic, 'alerts');
  assert.equal(e.envelope.payload.alertId, 'a1');
  const missed = toPlatformEvent({ event: 'missed', data: '{"reason":"too-old","lastEventId":"a-1"}', id: 'b-9' });
  assert.equal(missed.type, 'missed');
});

test('backs off 1, 2, 4 ... 30 s, or as the server says', () => {
  assert.deepEqual([1, 2, 3, 6, 7].map((n) => reconnectDelay(n, null)), [1000, 2000, 4000, 30000, 30000]);
  assert.equal(reconnectDelay(4, 250), 250);
});

function sseAnswer(text) {
  return new Response(new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(text));
      c.close();
    },
  }), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

test('sends the credential and, after a drop, reconnects with Last-Event-ID', async () => {
  const calls = [];
  const events = [];
  let stream;
  await new Promise((resolve) => {
    const fetchImpl = async (url, init) => {
      calls.push({ url, headers: init.headers });
      if (calls.length === 1) {
        return sseAnswer('retry: 10\nid: 41\ndata: {"type":"LpValued","payload":{}}\n\n');
      }
      resolve();
      return new Promise(() => {}); // stays open
    };
    stream = openEventStream({ headers: () => ({ Authorization: 'Bearer t' }), onEvent: (e) => events.push(e), fetchImpl });
  });
  stream.close();
  assert.equal(calls[0].url, '/api/v1/stream');
  assert.equal(calls[0].headers.Authorization, 'Bearer t');
  assert.equal(calls[0].headers['Last-Event-ID'], undefined);
  assert.equal(calls[1].headers['Last-Event-ID'], '41');
  assert.deepEqual(events.map((e) => e.type), ['LpValued']);
});

test('stops on 401 instead of retrying a credential that cannot work', async () => {
  let calls = 0;
  const statuses = [];
  await new Promise((resolve) => {
    openEventStream({
      headers: () => ({}),
      onEvent: () => {},
      onStatus: (s, d) => { statuses.push(s); if (s === 'down') resolve(d); },
      fetchImpl: async () => { calls++; return new Response('', { status: 401 }); },
    });
  });
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(calls, 1);
  assert.deepEqual(statuses, ['connecting', 'down']);
});
