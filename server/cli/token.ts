import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { directTokenCommands, remoteTokenCommands, TokenCommandError, type TokenCommands, type TokenSummary } from '../auth/token-admin.js';
import { TokenService } from '../auth/token.service.js';
import { ConfigError, loadConfig, type Config } from '../common/config.js';
import { Role } from '../common/viewer.js';
import { DataFolderBusyError, lockDataFolder, readHolder } from '../database/data-folder-lock.js';
import { createDataSource } from '../database/data-source.js';
import { runMigrations } from '../database/migrations.js';
import { templateFor } from '../database/pglite-template.js';
import { seed } from '../database/seed.js';
import { FacultyService } from '../faculties/faculty.service.js';

const usage = `Usage:
  npm run token -- create --role organiser --name "Amnesty VUB student group"
  npm run token -- create --role partner --faculty engineering --name "Engineering dashboard" [--expires 2027-01-31]
  npm run token -- list
  npm run token -- revoke <id>
  npm run token -- --help

Works while the server runs: on the embedded database the command asks the running server,
on PostgreSQL it connects to DATABASE_URL. A token is shown once, when it is made.
--expires takes a day (the token works through that day, UTC) or an ISO 8601 date-time.`;

/** A command line that makes no sense: usage, the reason, exit 2. */
class UsageError extends Error {}

type Command = { kind: 'create'; role: Role; name: string; faculty: string | null; expiresAt: string | null } | { kind: 'list' } | { kind: 'revoke'; id: number } | { kind: 'help' };

function parse(args: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { role: { type: 'string' }, name: { type: 'string' }, faculty: { type: 'string' }, expires: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : 'The arguments could not be read.');
  }
  const { positionals, values } = parsed;
  const [command, argument, ...extra] = positionals;
  if (values.help || command === 'help') return { kind: 'help' };
  if (!command) throw new UsageError('Say what to do: create, list or revoke.');
  if (extra.length > 0) throw new UsageError(`Unexpected "${extra[0]}".`);
  if (command === 'create') {
    const role = Object.values(Role).find((r) => r === values.role && r !== Role.PUBLIC);
    if (!role) throw new UsageError('create needs --role organiser or --role partner.');
    if (!values.name?.trim()) throw new UsageError('create needs --name, saying who or what the token is for.');
    if (argument) throw new UsageError(`Unexpected "${argument}".`);
    return { kind: 'create', role, name: values.name, faculty: values.faculty ?? null, expiresAt: values.expires === undefined ? null : expiryOf(values.expires) };
  }
  if (values.role || values.name || values.faculty || values.expires) throw new UsageError(`${command} takes no --role, --name, --faculty or --expires.`);
  if (command === 'list') {
    if (argument) throw new UsageError(`Unexpected "${argument}".`);
    return { kind: 'list' };
  }
  if (command === 'revoke') {
    if (!argument || !/^\d+$/.test(argument)) throw new UsageError('revoke needs the id of a token, as `list` shows it.');
    return { kind: 'revoke', id: Number(argument) };
  }
  throw new UsageError(`There is no command "${command}".`);
}

/** `--expires 2027-01-31`: through that day, UTC (so until the next midnight); or an ISO 8601 date-time as it is. */
function expiryOf(text: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const at = new Date(day ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(at.getTime())) throw new UsageError(`--expires needs a day such as 2027-01-31 or a date-time such as 2027-01-31T18:00:00Z, not "${text}".`);
  if (day) at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString();
}

const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString('sv-SE').slice(0, 16) : 'never');

function table(tokens: TokenSummary[]): string {
  const rows = [
    ['id', 'role', 'faculty', 'name', 'created', 'last used', 'state', 'expires'],
    ...tokens.map((t) => [
      String(t.id),
      t.role,
      t.faculty ?? '-',
      t.name,
      when(t.createdAt),
      when(t.lastUsedAt),
      t.revokedAt ? 'revoked' : t.expiresAt && new Date(t.expiresAt).getTime() <= Date.now() ? 'expired' : 'active',
      t.expiresAt ? when(t.expiresAt) : '-',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

async function run(command: Exclude<Command, { kind: 'help' }>, tokens: TokenCommands): Promise<void> {
  if (command.kind === 'create') {
    const { token, summary } = await tokens.create(command);
    const faculty = summary.faculty ? ` for ${summary.faculty}` : '';
    const expiry = summary.expiresAt ? `, working until ${when(summary.expiresAt)}` : '';
    console.log(`Created ${summary.role} token ${summary.id} "${summary.name}"${faculty}${expiry}. It is shown only now:\n\n  ${token}\n`);
  } else if (command.kind === 'list') {
    const all = await tokens.list();
    console.log(all.length ? table(all) : 'No tokens yet. Make one with: npm run token -- create --role organiser --name "..."');
  } else {
    const token = await tokens.revoke(command.id);
    console.log(`Revoked token ${token.id} "${token.name}". It stops working at once.`);
  }
}

/**
 * Runs the command against the database itself: on PostgreSQL always, on PGlite when no server
 * holds the data folder (the command then holds it, so a server started meanwhile waits its turn
 * by refusing to start).
 */
async function runDirect(config: Config, command: Exclude<Command, { kind: 'help' }>): Promise<void> {
  const lock = config.databaseUrl
    ? null
    : await lockDataFolder(config.dataDir, 'cli', () => console.error('The data folder lock was lost; run the command again.'));
  const dataSource = createDataSource(config, { pgliteTemplate: lock ? templateFor(config.dataDir) : undefined });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    await seed(dataSource);
    await run(command, directTokenCommands(new TokenService(dataSource, new FacultyService(dataSource))));
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await lock?.release();
  }
}

async function main(): Promise<number> {
  let command: Command;
  try {
    command = parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (command.kind === 'help') {
    console.log(usage);
    return 0;
  }
  const config = loadConfig();
  if (!config.databaseUrl && config.dataDir === 'memory://') {
    console.error('DATA_DIR=memory:// keeps nothing once the command ends: set DATA_DIR to the folder the server uses, or DATABASE_URL.');
    return 2;
  }
  try {
    await runDirect(config, command);
  } catch (error) {
    if (!(error instanceof DataFolderBusyError)) throw error;
    const holder = readHolder(config.dataDir);
    if (holder?.kind !== 'server') throw error;
    if (!holder.admin) throw new TokenCommandError('The server is still starting; run the command again in a few seconds.');
    await run(command, remoteTokenCommands(holder.admin));
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  // Refusals are sentences for a person; anything else is a bug, with its stack.
  const expected = error instanceof GraphQLError || error instanceof TokenCommandError || error instanceof DataFolderBusyError || error instanceof ConfigError;
  console.error(expected ? (error as Error).message : error);
  process.exitCode = 1;
}
