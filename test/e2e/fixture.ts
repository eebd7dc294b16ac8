import { type Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startServer, type TestServer } from '../support/server';

/** What a browser test works with: the whole service and a Chromium, both started for its file. */
export type E2e = {
  readonly server: TestServer;
  readonly browser: Browser;
  /** Where the pages are, e.g. http://localhost:39417. */
  readonly base: string;
  /** Stops the server and starts another (a redeploy); the new one is stopped after the file too. */
  replaceServer(env?: Record<string, string>): Promise<TestServer>;
};

/**
 * The service and a browser for every test of a file, disposed of by themselves, as graphql-ws's
 * test servers are: a browser context opened during a test (or its beforeEach) is closed after
 * that test, one opened in beforeAll after the file, and the browser and the server after the
 * file. Call it in the describe block, before the hooks that use it. `env` is the server's
 * environment, or a function giving it once the hooks registered before this call have run.
 */
export function useE2e(env: Record<string, string> | (() => Record<string, string>) = {}): E2e {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let openBeforeTest = new Set<unknown>();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(typeof env === 'function' ? env() : env), launchBrowser()]);
  });
  beforeEach(() => {
    openBeforeTest = new Set(browser?.contexts());
  });
  afterEach(async () => {
    await Promise.all((browser?.contexts() ?? []).filter((context) => !openBeforeTest.has(context)).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const started = <T>(thing: T | undefined): T => {
    if (thing === undefined) throw new Error('The e2e fixture starts in beforeAll: use it from a hook or a test');
    return thing;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    get base() {
      return new URL(started(server).url).origin;
    },
    async replaceServer(next = {}) {
      await server?.stop();
      server = await startServer(next);
      return server;
    },
  };
}
