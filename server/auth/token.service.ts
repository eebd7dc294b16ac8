import { createHash, randomBytes } from 'node:crypto';
import { In, IsNull, type DataSource, type Repository } from 'typeorm';
import { badUserInput, notFound, unauthenticated } from '../common/errors.js';
import { publicViewer, Role, type Viewer } from '../common/viewer.js';
import { type FacultyService } from '../faculties/faculty.service.js';
import { ApiToken } from './api-token.entity.js';
import { noteTokenUse } from './token.queries.js';

const TOKEN_PREFIX = 'wm_';
/** A token's last use is written at most this often: one small UPDATE a minute, not one per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new token in the clear, with what is stored of it: its hash and its first characters. */
export function newToken(): { token: string; tokenHash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, 10) };
}

function isExpired(token: Pick<ApiToken, 'expiresAt'>): boolean {
  return token.expiresAt !== null && token.expiresAt.getTime() <= Date.now();
}

/**
 * Tokens are 32 random bytes, so a plain SHA-256 is enough to store them (no password
 * stretching needed). Every request with a token looks it up, so a revoked token stops
 * working at once, in every process.
 */
export class TokenService {
  private readonly tokens: Repository<ApiToken>;
  private readonly revocationListeners = new Set<(tokenId: number) => void>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly faculties: FacultyService,
  ) {
    this.tokens = dataSource.getRepository(ApiToken);
  }

  /** Creates a token and returns it once, in the clear, with its record. */
  async create(options: { name: string; role: Role; faculty?: string | null; expiresAt?: Date | null }): Promise<{ token: string; record: ApiToken }> {
    const name = options.name.trim();
    const expiresAt = options.expiresAt ?? null;
    if (expiresAt && !(expiresAt.getTime() > Date.now())) throw badUserInput([{ field: 'expiresAt', message: 'Give an expiry in the future, or none.' }]);
    if (!name || name.length > 120) throw badUserInput([{ field: 'name', message: 'Give the token a name of 1 to 120 characters.' }]);
    if (options.role === Role.PUBLIC) throw badUserInput([{ field: 'role', message: 'Public access needs no token.' }]);
    let facultyId: number | null = null;
    if (options.role === Role.PARTNER) {
      if (!options.faculty) throw badUserInput([{ field: 'faculty', message: 'A partner token belongs to one faculty: name it.' }]);
      const faculty = await this.faculties.find(options.faculty);
      if (!faculty) throw badUserInput([{ field: 'faculty', message: `There is no faculty "${options.faculty}".` }]);
      facultyId = faculty.id;
    }
    const { token, tokenHash, prefix } = newToken();
    // insert, not save: save would open a transaction, which PGlite's shared connection cannot have.
    await this.tokens.insert({ name, role: options.role, facultyId, tokenHash, prefix, expiresAt });
    return { token, record: await this.tokens.findOneOrFail({ where: { tokenHash }, relations: { faculty: true } }) };
  }

  list(): Promise<ApiToken[]> {
    return this.tokens.find({ order: { id: 'ASC' }, relations: { faculty: true } });
  }

  /** Revokes a token; it stops working at once. Revoking twice is harmless. */
  async revoke(id: number): Promise<ApiToken> {
    // The command line takes any digits; ids are PostgreSQL integers.
    const token = id <= 2 ** 31 - 1 ? await this.tokens.findOne({ where: { id }, relations: { faculty: true } }) : null;
    if (!token) throw notFound(`There is no token ${id}.`, 'id');
    if (!token.revokedAt) {
      token.revokedAt = new Date();
      await this.tokens.update({ id }, { revokedAt: token.revokedAt });
    }
    for (const listener of this.revocationListeners) listener(id);
    return token;
  }

  /**
   * Called with the id of every token revoked through this process (open WebSockets close at
   * once); revocations by other processes are found by {@link revokedAmong}.
   */
  onRevoked(listener: (tokenId: number) => void): () => void {
    this.revocationListeners.add(listener);
    return () => this.revocationListeners.delete(listener);
  }

  /** Which of these token ids no longer work (revoked or expired): one query, however many are asked about. */
  async revokedAmong(ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const working = await this.tokens.find({ select: { id: true, expiresAt: true }, where: { id: In(ids), revokedAt: IsNull() } });
    const stillWorking = new Set(working.filter((token) => !isExpired(token)).map((token) => token.id));
    return ids.filter((id) => !stillWorking.has(id));
  }

  /**
   * Records when a token was last used, to within a minute: only when the stored time is older,
   * in one statement that the request does not wait for. The condition in SQL keeps several
   * processes from writing it more than once a minute between them.
   */
  private noteUse(token: ApiToken): void {
    if (token.lastUsedAt && Date.now() - token.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    // A missed last-use time is harmless, and the request has its answer already.
    noteTokenUse(this.dataSource, token.id).catch(() => undefined);
  }

  /** The viewer a request acts as: public without a token; an invalid token is refused. */
  async viewerFor(authorization: string | undefined | null): Promise<Viewer> {
    if (!authorization) return publicViewer;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('Send the token as "Authorization: Bearer <token>".');
    const token = await this.tokens.findOneBy({ tokenHash: hashToken(match[1]!), revokedAt: IsNull() });
    if (!token) throw unauthenticated();
    if (isExpired(token)) {
      throw unauthenticated(`This token expired on ${token.expiresAt!.toISOString().slice(0, 16).replace('T', ' ')} UTC. Ask the organisers for a new one.`);
    }
    this.noteUse(token);
    return Object.freeze({ role: token.role, tokenId: token.id, facultyId: token.facultyId });
  }
}
