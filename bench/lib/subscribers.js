/**
 * Many graphql-ws subscribers in one process (run with `fork`), speaking the
 * graphql-transport-ws protocol directly on `ws` sockets so that a receipt costs a buffer scan,
 * not a JSON parse: the load generator must stay cheap next to the server it measures.
 *
 * Messages (IPC):
 *   { type: 'connect', url, count, variables }  -> { type: 'ready', connected, failed, seconds }
 *   { type: 'report', acks }                     -> { type: 'report', histogram, conservative, missed, samples }
 *   { type: 'close' }                            -> closes every socket and exits
 * `acks` = { base, ackTimes: number[], sentAtAck: number[] }: the k-th acknowledged pledge
 * (k from 1) is in every snapshot whose `pledges` count is at least base + k.
 */
import WebSocket from 'ws';
import { now } from './common.js';
import { HISTOGRAM_MS, histogramBucket as bucket } from './histogram.js';
import { ON_TOTALS_UPDATED } from './requests.js';
const HANDSHAKES_IN_FLIGHT = 100;

const subscribers = [];
const PLEDGES_KEY = Buffer.from('"pledges":');

function openSubscriber(url, variables) {
  return new Promise((resolve) => {
    const record = { counts: [], times: [] };
    const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
    let settled = false;
    const settle = (ok) => {
      if (settled) return;
      settled = true;
      resolve(ok);
    };
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data) => {
      const receivedAt = now();
      const at = data.indexOf(PLEDGES_KEY);
      if (at >= 0) {
        let count = 0;
        for (let i = at + PLEDGES_KEY.length; data[i] >= 48 && data[i] <= 57; i += 1) count = count * 10 + data[i] - 48;
        record.counts.push(count);
        record.times.push(receivedAt);
        settle(true);
        return;
      }
      const text = data.toString();
      if (text.includes('"connection_ack"')) {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: ON_TOTALS_UPDATED, variables } }));
      } else if (text.includes('"ping"')) {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (text.includes('"error"')) {
        settle(false);
      }
    });
    socket.on('error', () => settle(false));
    socket.on('close', () => settle(false));
    subscribers.push({ socket, record });
  });
}

async function connect({ url, count, variables }) {
  const startedAt = now();
  let next = 0;
  let connected = 0;
  let failed = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      if (await openSubscriber(url, variables)) connected += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: HANDSHAKES_IN_FLIGHT }, worker));
  return { type: 'ready', connected, failed, seconds: (now() - startedAt) / 1000 };
}

function report({ base, ackTimes, sentAtAck }) {
  const histogram = new Uint32Array(HISTOGRAM_MS);
  const conservative = new Uint32Array(HISTOGRAM_MS);
  let missed = 0;
  let samples = 0;
  for (const { record } of subscribers) {
    const { counts, times } = record;
    if (counts.length === 0) continue;
    let j = 0;
    let j2 = 0;
    for (let k = 0; k < ackTimes.length; k += 1) {
      const target = base + k + 1;
      while (j < counts.length && counts[j] < target) j += 1;
      if (j === counts.length) {
        missed += ackTimes.length - k;
        break;
      }
      histogram[bucket(times[j] - ackTimes[k])] += 1;
      samples += 1;
      const upperTarget = base + sentAtAck[k];
      while (j2 < counts.length && counts[j2] < upperTarget) j2 += 1;
      if (j2 < counts.length) conservative[bucket(times[j2] - ackTimes[k])] += 1;
    }
  }
  return { type: 'report', histogram: Array.from(histogram), conservative: Array.from(conservative), missed, samples };
}

process.on('message', async (message) => {
  if (message.type === 'connect') process.send(await connect(message));
  else if (message.type === 'report') process.send(report(message.acks));
  else if (message.type === 'close') {
    for (const { socket } of subscribers) socket.terminate();
    process.exit(0);
  }
});
