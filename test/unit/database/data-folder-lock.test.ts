import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderBusyError, lockDataFolder } from '../../../server/database/data-folder-lock.js';

const folders: string[] = [];
function newFolder(): string {
  const parent = mkdtempSync(join(tmpdir(), 'wm-lock-'));
  folders.push(parent);
  return join(parent, 'data');
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const ignoreLoss = () => undefined;

/** What a server killed with `kill -9` leaves: the lock directory and its holder file. */
function leaveCrashedLock(dataDir: string, pid: number): void {
  mkdirSync(join(dataDir, 'server.lock'), { recursive: true });
  writeFileSync(join(dataDir, 'server.json'), JSON.stringify({ pid, host: hostname(), kind: 'server' }));
}

describe('the PGlite data folder lock', () => {
  it('makes the data folder readable by its owner only, and tightens one made before', async () => {
    const made = newFolder();
    const lock = await lockDataFolder(made, 'server', ignoreLoss);
    expect(statSync(made).mode & 0o777).toBe(0o700);
    await lock.release();

    const existing = newFolder();
    mkdirSync(existing, { mode: 0o755 });
    const second = await lockDataFolder(existing, 'server', ignoreLoss);
    expect(statSync(existing).mode & 0o777).toBe(0o700);
    await second.release();
  });

  it('refuses a second holder in the same process', async () => {
    const dataDir = newFolder();
    const lock = await lockDataFolder(dataDir, 'server', ignoreLoss);
    await expect(lockDataFolder(dataDir, 'cli', ignoreLoss)).rejects.toBeInstanceOf(DataFolderBusyError);
    await lock.release();
  });

  it('takes over a lock whose holder had our own process id (pid 1 in a restarted container)', async () => {
    const dataDir = newFolder();
    leaveCrashedLock(dataDir, process.pid);
    const lock = await lockDataFolder(dataDir, 'server', ignoreLoss);
    await lock.release();
  });

  it('lets exactly one of two simultaneous openers take over a crashed holder', async () => {
    const dataDir = newFolder();
    leaveCrashedLock(dataDir, 2 ** 22 + 12345); // above Linux's pid_max: no such process
    const outcomes = await Promise.allSettled([lockDataFolder(dataDir, 'server', ignoreLoss), lockDataFolder(dataDir, 'cli', ignoreLoss)]);
    const taken = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(taken).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DataFolderBusyError);
    await (taken[0] as PromiseFulfilledResult<{ release(): Promise<void> }>).value.release();
  });
});
