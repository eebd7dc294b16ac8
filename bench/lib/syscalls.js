import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { requestBodies } from './requests.js';

/** Whether strace can be run here; without it the count is left out of the report. */
export async function straceAvailable() {
  return new Promise((resolve) => {
    const child = spawn('strace', ['-V'], { stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}

function post(url, body, agent) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.once('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.once('error', reject);
    req.end(body);
  });
}

/**
 * The system calls a server makes per pledge, one client sending one pledge after another:
 * `strace -c -f` on the server process (all its threads) over `pledges` requests. Counts do not
 * depend on how busy the machine is, where CPU time does: a thread wake-up more per request
 * shows here as it is.
 */
export async function countSyscalls({ pid, url, kind, pledges = 1000 }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const dir = await mkdtemp(join(tmpdir(), 'wm-strace-'));
  const output = join(dir, 'summary.txt');
  try {
    // A warm-up outside the count: the connection is open and the statements are prepared.
    for (let i = 0; i < 100; i += 1) await post(url, requestBodies[kind](randomUUID()), agent);
    const strace = spawn('strace', ['-c', '-f', '-p', String(pid), '-o', output], { stdio: ['ignore', 'ignore', 'pipe'] });
    // strace says on stderr when it has attached to each thread; the count starts after the first line.
    await new Promise((resolve, reject) => {
      strace.once('error', reject);
      strace.stderr.once('data', resolve);
    });
    for (let i = 0; i < pledges; i += 1) await post(url, requestBodies[kind](randomUUID()), agent);
    const exited = new Promise((resolve) => strace.once('exit', resolve));
    strace.kill('SIGINT');
    await exited;
    return perPledge(await readFile(output, 'utf8'), pledges);
  } finally {
    agent.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/** strace -c's table: calls of each system call, per pledge, with the total. */
function perPledge(summary, pledges) {
  const calls = {};
  for (const line of summary.split('\n')) {
    const match = /^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)\s*$/.exec(line);
    if (match && match[2] !== 'total') calls[match[2]] = Number(match[1]) / pledges;
  }
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  return { total, calls };
}
