import { GetCaseDocument, GetCaseSummaryDocument } from '../graphql/generated/cases';
import { LoadKitFormDocument } from '../graphql/generated/kit';
import { LoadPledgeFormDocument, SubmitPledgeDocument } from '../graphql/generated/pledge';
import { GraphQLRequestError, OPERATION_HEADER, operationName, readGraphQLResponse, refusesUnknownField, type Operation } from '../graphql/request';
import { locales, type Locale } from '../i18n/locales';

/**
 * What the service worker decides about a request, kept free of Workbox and of the worker's
 * globals so that the rules run in unit tests.
 */

/**
 * The reads a student page needs for its first paint: cases, faculties and events (/pledge),
 * faculties, pickup points and the consent text (/kit), one case (/cases/:slug). None of them
 * carries a total; the live totals, the home page's total, /live and /admin are never kept.
 */
const OFFLINE_READS: readonly Operation<unknown, never>[] = [LoadPledgeFormDocument, LoadKitFormDocument, GetCaseDocument, GetCaseSummaryDocument];

const readsByName = new Map(OFFLINE_READS.map((operation) => [operationName(operation), operation.toString()]));

/** The path the worker's cache keeps answers under: never a URL the server answers. */
const OFFLINE_READ_PATH = '/graphql/offline-read';

export type HandledOperation = 'read' | 'pledge';

/**
 * Which requests to /graphql the worker takes, told by the operation header without reading
 * the body: the reads above and pledges, none sent with a token. Every other request (the live
 * screen, /admin, the home page's total, kit orders) goes to the network as if there were no
 * worker. An organiser's request is left alone also because a queued copy would keep its token
 * on the device, where the admin page deliberately keeps it for the tab's session only.
 */
export function handledOperation(request: { headers: Headers }): HandledOperation | null {
  if (request.headers.has('authorization')) return null;
  const name = request.headers.get(OPERATION_HEADER);
  if (name === operationName(SubmitPledgeDocument)) return 'pledge';
  return name && readsByName.has(name) ? 'read' : null;
}

type RequestBody = { operationName?: unknown; query?: unknown; variables?: unknown };

function parseBody(body: string): RequestBody | null {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' ? (parsed as RequestBody) : null;
  } catch {
    return null;
  }
}

/** JSON with object keys sorted, so that the same variables always give the same key. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes.slice(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The language a read asked its content in: the first of the dashboard's languages in its
 * Accept-Language header (the pages send exactly one), else English, as the server decides.
 */
export function readLanguage(acceptLanguage: string | null): Locale {
  for (const range of (acceptLanguage ?? '').split(',')) {
    const code = range.split(';')[0]!.trim().slice(0, 2).toLowerCase();
    if ((locales as readonly string[]).includes(code)) return code as Locale;
  }
  return 'en';
}

/**
 * The GET URL the Cache API keeps a read's answer under (it stores no POST requests), or null
 * when the body is not one of the reads above word for word. The query's digest is part of the
 * key: after a deployment that changed a query, the old answers, of the old shape, are never
 * read again and age out of the cache. So is the language: a Dutch page offline shows the
 * Dutch copy, never the English one a visit in English left.
 */
export async function offlineReadKey(origin: string, body: string, language: Locale): Promise<string | null> {
  const parsed = parseBody(body);
  const known = typeof parsed?.operationName === 'string' ? readsByName.get(parsed.operationName) : undefined;
  if (!known || parsed!.query !== known) return null;
  const params = new URLSearchParams({
    operation: parsed!.operationName as string,
    query: await digest(known),
    variables: stableJson(parsed!.variables ?? {}),
    language,
  });
  return `${origin}${OFFLINE_READ_PATH}?${params}`;
}

/** The client key of a SubmitPledge body, or null when the body is anything else. */
export function pledgeClientKey(body: string): string | null {
  const parsed = parseBody(body);
  if (parsed?.operationName !== operationName(SubmitPledgeDocument)) return null;
  const key = (parsed.variables as { input?: { clientKey?: unknown } } | undefined)?.input?.clientKey;
  return typeof key === 'string' ? key : null;
}

/**
 * What a replayed pledge's answer means for the worker's copy: `delivered` and `refused` end
 * it (the page, which keeps its own copy, hears the same answer when it sends again), `retry`
 * keeps it for the browser's next sync. Classified by the page's own rules (graphql/request.ts).
 */
export function replayOutcome(status: number, body: unknown): 'delivered' | 'refused' | 'retry' | 'older-server' {
  try {
    readGraphQLResponse(status, body);
    return 'delivered';
  } catch (error) {
    // A server that does not know madeAt (a rollback, a deploy under way): the same pledge goes again without it.
    if (refusesUnknownField(error, 'madeAt')) return 'older-server';
    return error instanceof GraphQLRequestError && !error.retryable ? 'refused' : 'retry';
  }
}

/** A SubmitPledge body without its `madeAt`, for a server that does not know it; null when it has none. */
export function pledgeBodyWithoutMadeAt(body: string): string | null {
  const parsed = parseBody(body);
  const variables = parsed?.variables as { input?: Record<string, unknown> } | undefined;
  const input = variables?.input;
  if (parsed?.operationName !== operationName(SubmitPledgeDocument) || !input || !('madeAt' in input)) return null;
  const { madeAt: _madeAt, ...older } = input;
  return JSON.stringify({ ...parsed, variables: { ...variables, input: older } });
}
