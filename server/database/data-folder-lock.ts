import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
/** Held only while a crashed holder's lock is replaced, so that one opener does it. */
const takeoverPath = (dataDir: string): string => join(resolve(dataDir), 'takeover.lock');

/**
 * Folders this process holds. A holder file with our own process id is ours only if it is in
 * here: in a container every start is pid 1, so the id alone would make a crashed run's lock
 * look alive for ever.
 */
const heldHere = new Set<string>();

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

/** Whether the holder is a process on this host that is gone (crashed, killed with -9). */
function crashed(folder: string, holder: FolderHolder | null): boolean {
  if (holder === null || holder.host !== hostname()) return false;
  return holder.pid === process.pid ? !heldHere.has(folder) : !alive(holder.pid);
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
  // The folder holds every kit order's name and address: the owner's only, whatever the umask,
  // and tightened when an older version made it readable by others.
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  const options = { lockfilePath: lockPath(dataDir), stale: STALE_MS, realpath: false, onCompromised };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(folder, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    release = await takeOverCrashed(dataDir, kind, options);
  }
  heldHere.add(folder);
  writeHolder(dataDir, { pid: process.pid, host: hostname(), kind });
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      heldHere.delete(folder);
      rmSync(holderFile(dataDir), { force: true });
      await release().catch(() => undefined);
    },
  };
}

/**
 * Replaces the lock of a holder that crashed. Two openers may both find it crashed; removing
 * the lock and taking it must then happen for one of them only, or the second would remove the
 * first one's fresh lock. So the replacement runs under a second, short-lived lock, and the
 * holder is looked at again inside it.
 */
async function takeOverCrashed(dataDir: string, kind: FolderHolder['kind'], options: lockfile.LockOptions): Promise<() => Promise<void>> {
  const folder = resolve(dataDir);
  const endTakeover = await lockfile.lock(folder, {
    lockfilePath: takeoverPath(dataDir),
    realpath: false,
    stale: 10_000,
    retries: { retries: 40, minTimeout: 25, maxTimeout: 250 },
    // proper-lockfile's default throws from a timer, which ended the server: on a loaded machine
    // its heartbeat can stat the takeover lock just after the release below removed it. The lock
    // guards only the few lines below; a late heartbeat of it says nothing about the folder's.
    onCompromised: () => undefined,
  });
  try {
    if (!crashed(folder, readHolder(dataDir))) throw new DataFolderBusyError(dataDir, readHolder(dataDir));
    rmSync(lockPath(dataDir), { recursive: true, force: true });
    try {
      const release = await lockfile.lock(folder, options);
      // Marked as ours before the takeover lock is let go, so the next opener sees a live holder.
      heldHere.add(folder);
      writeHolder(dataDir, { pid: process.pid, host: hostname(), kind });
      return release;
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataFolderBusyError(dataDir, readHolder(dataDir));
      throw again;
    }
  } finally {
    await endTakeover().catch(() => undefined);
  }
}

/** Rewrites the holder file, readable by this user only: it may carry the admin secret. */
export function writeHolder(dataDir: string, holder: FolderHolder): void {
  const path = holderFile(dataDir);
  rmSync(path, { force: true });
  // Created with mode 0600 rather than chmod-ed after, so the secret is never readable by others.
  writeFileSync(path, JSON.stringify(holder), { mode: 0o600, flag: 'wx' });
}
