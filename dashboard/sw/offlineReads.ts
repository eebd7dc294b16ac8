import { type WorkboxPlugin } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { NetworkFirst } from 'workbox-strategies';
import { GetCaseDocument } from '../graphql/generated/cases';
import { LoadKitFormDocument } from '../graphql/generated/kit';
import { LoadPledgeFormDocument } from '../graphql/generated/pledge';
import { OPERATION_HEADER, operationBody, operationName, type Operation } from '../graphql/request';
import { locales } from '../i18n/locales';
import { offlineReadKey, readLanguage } from './offlineRules';

declare const self: ServiceWorkerGlobalScope;

const CACHE_NAME = 'graphql-reads';
/** On Wi-Fi that answers this slowly the phone's copy is shown; the late answer still refreshes it. */
const NETWORK_TIMEOUT_SECONDS = 4;
/** Cases and pickup points change from one campaign to the next, not within an hour. */
const MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

type ReadParams = { cacheKey: string };

const keptByOperation: WorkboxPlugin = {
  // The Cache API keeps no POST requests: each read is kept under a GET URL made from its body.
  cacheKeyWillBeUsed: async ({ params }) => (params as ReadParams).cacheKey,
  // Only whole answers are kept: an error (server trouble, an unknown case) never replaces a good copy.
  cacheWillUpdate: async ({ response }) => {
    if (!response.ok) return null;
    try {
      const body = (await response.clone().json()) as { data?: unknown; errors?: unknown[] };
      return body.data && !body.errors?.length ? response : null;
    } catch {
      return null;
    }
  },
};

const networkFirst = new NetworkFirst({
  cacheName: CACHE_NAME,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  plugins: [keptByOperation, new ExpirationPlugin({ maxEntries: 100, maxAgeSeconds: MAX_AGE_SECONDS, purgeOnQuotaError: true })],
});

/** A student page's read: the network's answer when there is one, the phone's last copy when not. */
export async function answerRead({ request, event }: { request: Request; event: ExtendableEvent }): Promise<Response> {
  const cacheKey = await offlineReadKey(self.location.origin, await request.clone().text(), readLanguage(request.headers.get('accept-language')));
  if (!cacheKey) return fetch(request);
  const params: ReadParams = { cacheKey };
  return networkFirst.handle({ request, event, params });
}

/**
 * Reads, while the worker installs, what every student page needs, in each language (a student
 * may switch offline): the pledge form, the kit form, each case. So a page the student never
 * opened (a case, /kit) opens offline too, after one visit to any of them. Failures are left to
 * the pages' own reads, which fill the cache as they go.
 */
export async function warmOfflineReads(event: ExtendableEvent): Promise<void> {
  const read = async <TResult, TVariables>(locale: string, operation: Operation<TResult, TVariables>, variables?: TVariables): Promise<TResult | null> => {
    const request = new Request('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'accept-language': locale,
        [OPERATION_HEADER]: operationName(operation),
      },
      body: operationBody(operation, variables),
    });
    const response = await answerRead({ request, event });
    return ((await response.json()) as { data?: TResult | null }).data ?? null;
  };
  await Promise.allSettled(
    locales.map(async (locale) => {
      const form = await read(locale, LoadPledgeFormDocument);
      await Promise.allSettled([read(locale, LoadKitFormDocument, { locale }), ...(form?.cases ?? []).map(({ slug }) => read(locale, GetCaseDocument, { slug }))]);
    }),
  );
}
