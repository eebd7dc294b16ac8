import { getCurrentScope, onScopeDispose } from 'vue';

/**
 * For a page that asks the server again when something changes (the language): each call of
 * `next()` aborts the request started by the one before and gives the new request its signal,
 * so that only the newest answer lands, whichever comes back last. The last one is aborted
 * when the page goes away. A request whose signal is aborted was replaced: its outcome, answer
 * or error, is dropped.
 */
export function useLatestRequest() {
  let controller: AbortController | null = null;

  function next(): AbortSignal {
    controller?.abort();
    controller = new AbortController();
    return controller.signal;
  }

  if (getCurrentScope()) onScopeDispose(() => controller?.abort());
  return { next };
}

