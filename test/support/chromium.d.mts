/** Types of chromium.mjs, which stays JavaScript so that Node runs it before any build. */
export declare const CHROMIUM_CANDIDATES: readonly string[];
export declare class ChromiumMissing extends Error {}
export declare function ensureChromium(env?: NodeJS.ProcessEnv, say?: (line: string) => void): string;
