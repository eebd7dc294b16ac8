import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of its own, for tests that stop and restart the database: the shared
 * server other test files use in parallel must never go down. Runs as the `postgres` OS user
 * (PostgreSQL refuses to run as root), in a fresh folder, on a free port, with trust auth on
 * 127.0.0.1 only.
 */
export type PostgresCluster = {
  /** `postgres://postgres@127.0.0.1:<port>`, without a database name. */
  readonly url: string;
  readonly port: number;
  /** `fast` disconnects clients and shuts down cleanly; `immediate` kills every process (crash recovery at start). */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** Starts the cluster and resolves once it accepts connections. */
  start(): Promise<void>;
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  /** Stops the cluster and removes its folder. */
  remove(): Promise<void>;
};

/** The binaries of the newest PostgreSQL installed the Debian way (`/usr/lib/postgresql/<version>/bin`). */
function postgresBinDir(): string | undefined {
  try {
    const versions = readdirSync('/usr/lib/postgresql').filter((name) => /^\d+$/.test(name));
    const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
    return newest ? `/usr/lib/postgresql/${newest}/bin` : undefined;
  } catch {
    return undefined;
  }
}

export async function createPostgresCluster(): Promise<PostgresCluster> {
  const binDir = postgresBinDir();
  if (!binDir) throw new Error('No PostgreSQL binaries under /usr/lib/postgresql');
  const asPostgres = (tool: string, args: string[]) => run('runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args]);

  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  const root = mkdtempSync(join(tmpdir(), 'wm-pg-'));
  chownSync(root, uid, gid);
  const dataDir = join(root, 'data');
  const port = await freePort();

  await asPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const serverOptions = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    // The socket goes in the cluster's own folder, not the shared server's /var/run/postgresql.
    `-k ${root}`,
    // A throwaway cluster: durability against a machine crash is not what is tested. WAL is
    // still written, so an immediate shutdown still ends in real crash recovery at start.
    '-c fsync=off',
  ].join(' ');

  const isReady = () => run(join(binDir, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-t', '30']);
  const cluster: PostgresCluster = {
    url: `postgres://postgres@127.0.0.1:${port}`,
    port,
    async start() {
      // -w: pg_ctl returns once the server accepts connections (or fails after -t seconds).
      await asPostgres('pg_ctl', ['start', '-D', dataDir, '-l', join(root, 'server.log'), '-w', '-t', '60', '-o', serverOptions]);
      await isReady();
    },
    async stop(mode) {
      await asPostgres('pg_ctl', ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '60']);
    },
    async restart(mode) {
      await cluster.stop(mode);
      await cluster.start();
    },
    async remove() {
      await cluster.stop('immediate').catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}

/** A port nobody listens on right now (the kernel's pick for port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
