import { type TypedDocumentString } from '../../dashboard/graphql/generated/typedDocumentString.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { bearer, postGraphQL, type GraphQLResponse, type RawDocument } from './graphql.js';

/**
 * The environment `npm start` gets from a person's shell: no NODE_ENV (Vitest sets `test`,
 * which would hide what a real start does, e.g. Apollo's own signal handlers) and no
 * DATABASE_URL unless the test gives one.
 */
function readmeEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_ENV: _nodeEnv, DATABASE_URL: _databaseUrl, VITEST: _vitest, ...shell } = process.env;
  return { ...shell, PORT: '0', HOST: '127.0.0.1', ...env };
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type ServerProcess = {
  child: ChildProcess;
  /** The GraphQL URL the server printed, e.g. http://localhost:40123/graphql. */
  url: string;
  origin: string;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  exited: Promise<Exit>;
  /** Sends a signal and resolves with the exit and how long it took. */
  stop(signal?: NodeJS.Signals): Promise<Exit & { ms: number }>;
};

const running = new Set<ChildProcess>();

/** Kills what a test left running (call in afterAll), so that no server outlives its file. */
export async function killLeftovers(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    }),
  );
}

function track(child: ChildProcess) {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  running.add(child);
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return { stdout: () => stdout, stderr: () => stderr, exited };
}

/** Starts `node dist/server/main.js` (what `npm start` runs after building) and waits until it is ready. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  return readyServer(spawn(process.execPath, ['dist/server/main.js'], { env: readmeEnv(env), stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * Runs `npm start` in `cwd`, as the README gives it (the build, then the server), and waits until
 * the server is ready. It runs in a process group of its own, and a stop signals the whole group,
 * as Ctrl-C in a terminal does.
 */
export async function spawnNpmStart(cwd: string, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn('npm', ['start'], { cwd, env: readmeEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return readyServer(child, (signal) => process.kill(-child.pid!, signal));
}

async function readyServer(child: ChildProcess, kill = (signal: NodeJS.Signals) => child.kill(signal)): Promise<ServerProcess> {
  const { stdout, stderr, exited } = track(child);
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /GraphQL at (\S+)/.exec(stdout());
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', check);
    void exited.then(({ code }) => reject(new Error(`the server exited with ${code} before it was ready:\n${stderr()}${stdout()}`)));
  });
  return {
    child,
    url,
    origin: new URL(url).origin,
    stdout,
    stderr,
    exited,
    async stop(signal = 'SIGTERM') {
      const started = Date.now();
      kill(signal);
      const exit = await exited;
      return { ...exit, ms: Date.now() - started };
    },
  };
}

/** Starts a server that is expected to refuse to start, and waits for it to exit. */
export async function spawnRefusedServer(env: Record<string, string>): Promise<Exit & { stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['dist/server/main.js'], { env: readmeEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const { stdout, stderr, exited } = track(child);
  const exit = await exited;
  return { ...exit, stdout: stdout(), stderr: stderr() };
}

export type CliResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs the token command as the README does (`npm run token -- ...` builds, then runs this
 * entry): pass `npm: true` to go through npm itself.
 */
export async function runTokenCli(args: string[], env: Record<string, string>, options: { npm?: boolean } = {}): Promise<CliResult> {
  const child = options.npm
    ? spawn('npm', ['run', 'token', '--', ...args], { env: readmeEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, ['dist/server/cli/token.js', ...args], { env: readmeEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const { stdout, stderr, exited } = track(child);
  const { code } = await exited;
  return { code, stdout: stdout(), stderr: stderr() };
}

/** The token printed by `npm run token -- create ...`. */
export function printedToken(output: string): string {
  const match = /^\s+(wm_\S+)\s*$/m.exec(output);
  if (!match) throw new Error(`no token in the output:\n${output}`);
  return match[1]!;
}

/** One GraphQL request over HTTP, as any client sends it, with an organiser's or partner's token if given. */
export function graphql<T, V>(url: string, document: TypedDocumentString<T, V>, variables?: V, token?: string): Promise<GraphQLResponse<T>>;
export function graphql(url: string, document: RawDocument, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<any>>;
export function graphql(url: string, document: { toString(): string }, variables?: unknown, token?: string) {
  return postGraphQL(url, document, variables, token ? bearer(token) : {});
}
