import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_CANDIDATES } from '../support/chromium.mjs';

/** What `npm test` runs first: package.json's pretest, `node <script>`. */
const pretestScript = (() => {
  const command: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.pretest;
  const [program, script, ...rest] = command.split(' ');
  expect({ program, rest }).toEqual({ program: 'node', rest: [] });
  return script;
})();

const isRoot = process.getuid?.() === 0;

/**
 * A machine with no browser: a temporary PATH holding only what a test puts there, and the
 * absolute candidates (Debian's /usr/bin/chromium) moved under a temporary root, where this
 * machine's own Chromium is not.
 */
let root: string;
let bin: string;
let aptCalls: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'chromium-finder-'));
  chmodSync(root, 0o755); // readable by the unprivileged user of the not-root case
  bin = join(root, 'bin');
  mkdirSync(bin);
  aptCalls = join(root, 'apt-calls.jsonl');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const debianChromium = () => join(root, '/usr/bin/chromium');

function writeExecutable(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode: 0o755 });
}

/** A fake apt-get on the temporary PATH: records each call; `install` may leave a browser behind. */
function fakeAptGet({ installs, exitCode = 0 }: { installs: boolean; exitCode?: number }): void {
  const browser = debianChromium();
  writeExecutable(
    join(bin, 'apt-get'),
    `#!${process.execPath}
const { appendFileSync, mkdirSync, writeFileSync } = require('node:fs');
const args = process.argv.slice(2);
appendFileSync(${JSON.stringify(aptCalls)}, JSON.stringify(args) + '\\n');
if (${installs} && args.includes('install')) {
  mkdirSync(${JSON.stringify(dirname(browser))}, { recursive: true });
  writeFileSync(${JSON.stringify(browser)}, '#!/bin/sh\\n', { mode: 0o755 });
}
process.exit(${exitCode});
`,
  );
}

function recordedAptCalls(): string[][] {
  if (!existsSync(aptCalls)) return [];
  return readFileSync(aptCalls, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
}

function runPretest(env: Record<string, string> = {}, { asUser }: { asUser?: number } = {}) {
  const candidates = CHROMIUM_CANDIDATES.map((candidate) => (isAbsolute(candidate) ? join(root, candidate) : candidate));
  const result = spawnSync(process.execPath, [pretestScript], {
    env: { PATH: bin, CHROMIUM_CANDIDATES: candidates.join(delimiter), ...env },
    encoding: 'utf8',
    timeout: 20_000,
    ...(asUser === undefined ? {} : { uid: asUser, gid: asUser }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One sentence: one line ending in a full stop. */
const oneSentence = /^\S[^\n]*\.\n?$/;

describe('the pretest step that finds Chromium', () => {
  it('uses the first candidate it finds on PATH and says which', () => {
    writeExecutable(join(bin, 'google-chrome'), '#!/bin/sh\n');
    const run = runPretest();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(join(bin, 'google-chrome'));
  });

  it('takes CHROMIUM_PATH before anything else', () => {
    writeExecutable(join(bin, 'chromium'), '#!/bin/sh\n');
    writeExecutable(join(root, 'elsewhere/chrome'), '#!/bin/sh\n');
    const run = runPretest({ CHROMIUM_PATH: join(root, 'elsewhere/chrome') });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(join(root, 'elsewhere/chrome'));
  });

  it('stops with one sentence when CHROMIUM_PATH points nowhere, instead of falling back or installing', () => {
    writeExecutable(join(bin, 'chromium'), '#!/bin/sh\n');
    fakeAptGet({ installs: true });
    const run = runPretest({ CHROMIUM_PATH: join(root, 'nowhere/chromium') });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(oneSentence);
    expect(run.stderr).toContain(`CHROMIUM_PATH is ${join(root, 'nowhere/chromium')}`);
    expect(recordedAptCalls()).toEqual([]);
  });

  it('stops at once with one sentence saying what to install where there is no apt-get', () => {
    const run = runPretest();
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(oneSentence);
    expect(run.stderr).toContain(`looked at ${debianChromium()} and for chromium, chromium-browser or google-chrome on PATH`);
    expect(run.stderr).toContain('apt-get install chromium');
    expect(run.stderr).toContain('CHROMIUM_PATH');
  });

  it('does not try apt-get without root, and says what to install', () => {
    fakeAptGet({ installs: true });
    // As root here, the check runs as the unprivileged user "nobody"; elsewhere as oneself.
    const run = runPretest({}, { asUser: isRoot ? 65534 : undefined });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(oneSentence);
    expect(run.stderr).toContain('sudo apt-get install chromium');
    expect(recordedAptCalls()).toEqual([]);
    expect(existsSync(debianChromium())).toBe(false);
  });

  describe.skipIf(!isRoot)('as root with apt-get (skipped when the tests do not run as root)', () => {
    it("installs Debian's chromium, says so, and uses it", () => {
      fakeAptGet({ installs: true });
      const run = runPretest();
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/installing Debian's chromium package/);
      expect(recordedAptCalls()).toEqual([
        ['update', '-qq'],
        ['install', '-y', '-qq', 'chromium'],
      ]);
      expect(run.stdout).toContain(`Browser tests use Chromium at ${debianChromium()}.`);
    });

    it('never reports success when apt-get leaves no browser behind', () => {
      fakeAptGet({ installs: false });
      const run = runPretest();
      expect(run.status).toBe(1);
      expect(run.stdout).not.toContain('Browser tests use');
      expect(run.stderr).toMatch(oneSentence);
      expect(recordedAptCalls()).toHaveLength(2);
    });

    it('stops with one sentence when apt-get fails', () => {
      fakeAptGet({ installs: false, exitCode: 100 });
      const run = runPretest();
      expect(run.status).toBe(1);
      expect(run.stdout).not.toContain('Browser tests use');
      expect(run.stderr).toMatch(oneSentence);
      expect(run.stderr).toContain('exit code 100');
    });
  });
});
