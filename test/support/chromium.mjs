// @ts-check
// Plain JavaScript so that `npm test` can run it before anything is compiled: Node 20 does not
// run TypeScript. Its types are in chromium.d.mts.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * Where the browser tests look for a browser when CHROMIUM_PATH is not set, in this order:
 * Debian's package, then the names Chromium and Google Chrome go by on PATH.
 */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome'];

/** A missing browser, explained in one sentence that says what to do. */
export class ChromiumMissing extends Error {}

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {string} name
 * @param {NodeJS.ProcessEnv} env
 */
function onPath(name, env) {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.map((dir) => join(dir, name)).find(isExecutable);
}

/**
 * The candidates to try. CHROMIUM_CANDIDATES (separated like PATH) replaces the list; the
 * finder's own test uses it to look past the browser of the machine it runs on.
 * @param {NodeJS.ProcessEnv} env
 */
function candidatesOf(env) {
  return env.CHROMIUM_CANDIDATES?.split(delimiter) ?? CHROMIUM_CANDIDATES;
}

/** @param {string[]} list */
const eitherOf = (list) => (list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : list.join(''));

/** @param {NodeJS.ProcessEnv} env */
function describeCandidates(env) {
  const candidates = candidatesOf(env);
  const paths = candidates.filter((candidate) => isAbsolute(candidate));
  const names = candidates.filter((candidate) => !isAbsolute(candidate));
  const places = [paths.length > 0 ? `at ${eitherOf(paths)}` : '', names.length > 0 ? `for ${eitherOf(names)} on PATH` : ''];
  return `looked ${places.filter(Boolean).join(' and ')}`;
}

/**
 * The browser the tests drive: CHROMIUM_PATH when it is set (nothing there is an error, never a
 * quiet fallback to another browser), otherwise the first candidate found, or undefined.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | undefined}
 */
function findChromium(env = process.env) {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new ChromiumMissing(
      `CHROMIUM_PATH is ${explicit}, where there is no executable: point it at Chromium or Google Chrome, or unset it to use the one found on this machine.`,
    );
  }
  for (const candidate of candidatesOf(env)) {
    const found = isAbsolute(candidate) ? (isExecutable(candidate) ? candidate : undefined) : onPath(candidate, env);
    if (found) return found;
  }
  return undefined;
}

/**
 * @param {string} aptGet
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
function runAptGet(aptGet, args, env) {
  // apt-get's own output reaches the person, but nothing is asked of them.
  const result = spawnSync(aptGet, args, { env: { ...env, DEBIAN_FRONTEND: 'noninteractive' }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    throw new ChromiumMissing(
      `apt-get ${args.join(' ')} failed (${why}): install Debian's chromium package by hand, or set CHROMIUM_PATH to a Chromium or Google Chrome.`,
    );
  }
}

/**
 * Finds the browser and, where there is none on a machine that has apt-get and runs as root
 * (a fresh Debian machine or container), installs Debian's chromium package, saying so.
 * Anywhere else a missing browser is one sentence saying what to install.
 * @param {NodeJS.ProcessEnv} [env]
 * @param {(line: string) => void} [say]
 * @returns {string}
 */
export function ensureChromium(env = process.env, say = console.log) {
  const found = findChromium(env);
  if (found) return found;

  const aptGet = onPath('apt-get', env);
  const isRoot = process.getuid?.() === 0;
  if (!aptGet || !isRoot) {
    throw new ChromiumMissing(
      `Found no Chromium for the browser tests (${describeCandidates(env)}): install Debian's chromium package (sudo apt-get install chromium), Chromium or Google Chrome, or set CHROMIUM_PATH to its executable.`,
    );
  }

  say("No Chromium found for the browser tests: installing Debian's chromium package (apt-get install chromium).");
  runAptGet(aptGet, ['update', '-qq'], env);
  runAptGet(aptGet, ['install', '-y', '-qq', 'chromium'], env);
  const installed = findChromium(env);
  if (!installed) {
    throw new ChromiumMissing(
      `apt-get installed chromium, but still there is no Chromium (${describeCandidates(env)}): install it by hand, or set CHROMIUM_PATH to its executable.`,
    );
  }
  return installed;
}
