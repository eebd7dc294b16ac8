/**
 * A closed-loop HTTP load generator, run as its own process (`fork`) so that it does not share
 * an event loop with what it measures. Each of `concurrency` clients sends its next request as
 * soon as the previous one is answered. Only answers that arrive in the measured window (after
 * `warmupSeconds`, for `seconds`) are counted.
 *
 * Input (IPC): { url, kind, concurrency, seconds, warmupSeconds }.
 * Output (IPC): { requests, errors, firstError, seconds, latencies: number[] (ms) }.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { now } from './common.js';
import { requestBodies } from './requests.js';

process.once('message', async ({ url, kind, concurrency, seconds, warmupSeconds }) => {
  const makeBody = requestBodies[kind];
  if (!makeBody) throw new Error(`unknown request kind ${kind}`);
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let errors = 0;
  let firstError = null;
  const start = now();
  const measureFrom = start + warmupSeconds * 1000;
  const end = measureFrom + seconds * 1000;

  const send = (body) =>
    new Promise((resolve) => {
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            const ok = res.statusCode === 200 && !text.includes('"errors"');
            resolve(ok ? null : `${res.statusCode} ${text.slice(0, 300)}`);
          });
        },
      );
      req.on('error', (error) => resolve(String(error)));
      req.end(body);
    });

  const client = async () => {
    while (now() < end) {
      const body = makeBody(randomUUID());
      const sentAt = now();
      const error = await send(body);
      const answeredAt = now();
      if (answeredAt < measureFrom || answeredAt > end) continue;
      if (error) {
        errors += 1;
        firstError ??= error;
      } else {
        latencies.push(answeredAt - sentAt);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  agent.destroy();
  process.send({ requests: latencies.length, errors, firstError, seconds, latencies }, () => process.exit(0));
});
