/**
 * A steady pledge load for the fan-out benchmark (run with `fork`): `rate` pledges a second for
 * `seconds`, open loop (each pledge leaves on schedule, answered or not), each with a fresh key.
 *
 * Input (IPC): { url, rate, seconds }.
 * Output (IPC): { base, sent, ackTimes, sentAtAck, errors, firstError, ackLatency: {p50, p99} }:
 * `base` is the pledge count before the first pledge; ackTimes in order of acknowledgement;
 * sentAtAck[k] = how many pledges had been sent when the k-th acknowledgement came.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { graphql, now, sleep, summarise } from './common.js';
import { PLEDGE, SUBMIT_PLEDGE } from './requests.js';

process.once('message', async ({ url, rate, seconds, variables }) => {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const { totals } = await graphql(url, 'query ($event: String) { totals(event: $event) { pledges } }', variables);
  const base = totals.pledges;
  const ackTimes = [];
  const sentAtAck = [];
  const ackLatencies = [];
  let sent = 0;
  let errors = 0;
  let firstError = null;
  const inFlight = new Set();

  const send = () => {
    const body = JSON.stringify({ query: SUBMIT_PLEDGE, variables: { input: { clientKey: randomUUID(), ...PLEDGE } } });
    const sentAt = now();
    sent += 1;
    const done = new Promise((resolve) => {
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const ackedAt = now();
            const text = Buffer.concat(chunks).toString();
            if (res.statusCode === 200 && !text.includes('"errors"')) {
              ackTimes.push(ackedAt);
              sentAtAck.push(sent);
              ackLatencies.push(ackedAt - sentAt);
            } else {
              errors += 1;
              firstError ??= `${res.statusCode} ${text.slice(0, 300)}`;
            }
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        errors += 1;
        firstError ??= String(error);
        resolve();
      });
      req.end(body);
    });
    inFlight.add(done);
    done.then(() => inFlight.delete(done));
  };

  const startedAt = now();
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i += 1) {
    const due = startedAt + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    send();
  }
  await Promise.all(inFlight);
  agent.destroy();
  const ackLatency = summarise(ackLatencies);
  process.send({ base, sent, ackTimes, sentAtAck, errors, firstError, ackLatency, seconds: (now() - startedAt) / 1000 }, () => process.exit(0));
});
