import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { type Logger } from '../common/logger.js';
import { type ApiToken } from './api-token.entity.js';
import { type TokenService } from './token.service.js';
import { Role } from '../common/viewer.js';

/** A token as the token command shows it: no secret, the faculty by its slug. */
export type TokenSummary = {
  id: number;
  role: Role;
  faculty: string | null;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
};

function summarise(token: ApiToken): TokenSummary {
  return {
    id: token.id,
    role: token.role,
    faculty: token.faculty?.slug ?? null,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
  };
}

/** What the token command can ask, of the database directly or of the running server. */
export type TokenCommands = {
  create(options: { name: string; role: Role; faculty?: string | null; expiresAt?: string | null }): Promise<{ token: string; summary: TokenSummary }>;
  list(): Promise<TokenSummary[]>;
  revoke(id: number): Promise<TokenSummary>;
};

/** A refusal the token command prints as it is (bad input, an unknown id). */
export class TokenCommandError extends Error {
  override name = 'TokenCommandError';
}

export function directTokenCommands(tokens: TokenService): TokenCommands {
  return {
    async create(options) {
      const { token, record } = await tokens.create({ ...options, expiresAt: options.expiresAt ? new Date(options.expiresAt) : null });
      return { token, summary: summarise(record) };
    },
    async list() {
      return (await tokens.list()).map(summarise);
    },
    async revoke(id) {
      return summarise(await tokens.revoke(id));
    },
  };
}

type Handle = { server: Server; port: number; secret: string; close(): Promise<void> };

const MAX_BODY_BYTES = 4096;

/**
 * The running server's local admin endpoint, for the token command on PGlite: the data folder
 * belongs to the server (one process may open it), so the command asks the server instead.
 * It listens on 127.0.0.1 only, on a port of its own, and wants the secret the server wrote
 * in the data folder, readable by the folder's owner alone: whoever can read it could read
 * the database files anyway. It offers the token commands and nothing else.
 */
export async function startTokenAdmin(tokens: TokenService, logger: Logger): Promise<Handle> {
  const secret = randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${secret}`);
  const commands = directTokenCommands(tokens);

  const server = createServer(async (req, res) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply(res, 401, { error: 'Not allowed.' });
    try {
      const route = `${req.method} ${req.url}`;
      if (route === 'GET /tokens') return reply(res, 200, await commands.list());
      if (route === 'POST /tokens') {
        const body = (await readJson(req)) as { name?: unknown; role?: unknown; faculty?: unknown; expiresAt?: unknown };
        const role = Object.values(Role).find((r) => r === body.role);
        if (!role || typeof body.name !== 'string') return reply(res, 400, { error: 'Send a role and a name.' });
        const expiresAt = typeof body.expiresAt === 'string' ? body.expiresAt : null;
        return reply(res, 200, await commands.create({ name: body.name, role, faculty: typeof body.faculty === 'string' ? body.faculty : null, expiresAt }));
      }
      const revoke = /^POST \/tokens\/(\d+)\/revoke$/.exec(route);
      if (revoke) return reply(res, 200, await commands.revoke(Number(revoke[1])));
      return reply(res, 404, { error: 'No such command.' });
    } catch (error) {
      if (error instanceof GraphQLError || error instanceof TokenCommandError) return reply(res, 400, { error: error.message });
      logger.error({ err: error }, 'token admin request failed');
      return reply(res, 500, { error: 'The server could not do this; its log says why.' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY_BYTES) throw new TokenCommandError('The request is too large.');
  }
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** The token commands sent to a running server's admin endpoint. */
export function remoteTokenCommands(admin: { port: number; secret: string }): TokenCommands {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`http://127.0.0.1:${admin.port}${path}`, {
        method,
        headers: { authorization: `Bearer ${admin.secret}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new TokenCommandError('The running server did not answer. If it has stopped, run the command again.');
    }
    const answer = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new TokenCommandError(answer.error ?? `The server answered ${response.status}.`);
    return answer;
  };
  return {
    create: (options) => call('POST', '/tokens', options),
    list: () => call('GET', '/tokens'),
    revoke: (id) => call('POST', `/tokens/${id}/revoke`),
  };
}
