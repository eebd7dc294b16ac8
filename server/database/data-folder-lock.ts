import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * How long a lock's heartbeat may be silent before another process takes it over. A crash is
 * noticed at once through the holder's process id; this is the fallback for a reused id or a
 * folder on another host, and long enough that a busy server (PGlite runs on the event loop)
 * is never mistaken for a dead one.
 */
const STALE_MS = 60_000;

/** Where the holder says who it is; the local admin endpoint adds its address to it. */
const holderFile = (dataDir: string): string => join(resolve(dataDir), 'server.json');
const lockPath = (dataDir: string): string => join(resolve(dataDir), 'server.lock');

/** What the holder of a data folder wrote about itself. */
export type FolderHolder = {
  pid: number;
  host: string;
  /** `server` for `npm start`, `cli` for a command that opened the folder itself. */
  kind: 'server' | 'cli';
  /** The running server's local admin endpoint: port on 127.0.0.1 and the secret it wants. */
  admin?: { port: number; secret: string };
};

export class DataFolderBusyError extends Error {
  override name = 'DataFolderBusyError';
  constructor(
    readonly dataDir: string,
    readonly holder: FolderHolder | null,
  ) {
    const who = holder?.kind === 'cli' ? 'A token command' : 'Another writing-marathon server';
    const pid = holder ? ` (process ${holder.pid})` : '';
    super(`${who}${pid} is using the data folder ${dataDir}: stop it first, or set DATA_DIR to another folder.`);
  }
}

export type DataFolderLock = {
  /** Releases the folder; safe to call twice. */
  release(): Promise<void>;
};

export function readHolder(dataDir: string): FolderHolder | null {
  try {
    return JSON.parse(readFileSync(holderFile(dataDir), 'utf8')) as FolderHolder;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the PGlite data folder for this process, so that two processes never open it at once
 * (PGlite is an embedded database: a second opener would not see the first one's writes and
 * could corrupt the files). A lock left by a process that died (even by `kill -9`) is taken
 * over at once. Throws {@link DataFolderBusyError} when a live process holds it.
 */
export async function lockDataFolder(dataDir: string, kind: FolderHolder['kind'], onCompromised: (error: Error) => void): Promise<DataFolderLock> {
  const folder = resolve(dataDir);
  // Only its owner may enter it, as PostgreSQL wants of its data folder (initdb makes it 0700).
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const options = { lockfilePath: lockPath(dataDir), stale: STALE_MS, realpath: false, onCompromised };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(folder, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const holder = readHolder(dataDir);
    const crashed = holder !== null && holder.host === hostname() && !alive(holder.pid);
    if (!crashed) throw new DataFolderBusyError(dataDir, holder);
    rmSync(lockPath(dataDir), { recursive: true, force: true });
    try {
      release = await lockfile.lock(folder, options);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataFolderBusyError(dataDir, readHolder(dataDir));
      throw again;
    }
  }
  writeHolder(dataDir, { pid: process.pid, host: hostname(), kind });
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      rmSync(holderFile(dataDir), { force: true });
      await release().catch(() => undefined);
    },
  };
}

/** Rewrites the holder file, readable by this user only: it may carry the admin secret. */
export function writeHolder(dataDir: string, holder: FolderHolder): void {
  const path = holderFile(dataDir);
  rmSync(path, { force: true });
  // Created with mode 0600 rather than chmod-ed after, so the secret is never readable by others.
  writeFileSync(path, JSON.stringify(holder), { mode: 0o600, flag: 'wx' });
}
