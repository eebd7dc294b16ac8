import { type OperationVariables } from '@apollo/client';
import { ref } from 'vue';
import { apolloDocument, createOrganiserClient, isMutation, requestError } from '../graphql/apollo';
import { CheckViewerDocument, RedeemSignInCodeDocument } from '../graphql/generated/admin';
import { GraphQLRequestError, graphqlRequest, type Operation } from '../graphql/request';

/**
 * Kept in sessionStorage, never localStorage: the token unlocks students' contact data, so it
 * must not outlive the browser session on a shared laptop.
 */
const STORAGE_KEY = 'writing-marathon.organiser-token';

/** Why the organiser is (back) on the sign-in form. */
export type SignInProblem = 'empty' | 'invalid' | 'partner' | 'network' | 'expired' | 'linkUsed';

/** The one-time code of the link the server prints at its first start: /admin#sign-in=<code>. */
const LINK_CODE = /^#sign-in=([\w-]+)$/;

/** Sends one operation with the organiser's token. */
export type AdminRequest = <TResult, TVariables extends OperationVariables>(operation: Operation<TResult, TVariables>, variables?: TVariables) => Promise<TResult>;

/** A file the server made, ready to save. */
export type DownloadedFile = { blob: Blob; filename: string };

/** Who the token belongs to: checked once at sign-in and again when the page is reopened. */
export function useAdminSession() {
  const token = ref<string | null>(null);
  const state = ref<'checking' | 'signedOut' | 'signedIn'>('checking');
  const problem = ref<SignInProblem | null>(null);
  /** The partner faculty of a token that is not an organiser's, to say whose it is. */
  const partnerFaculty = ref<string | null>(null);
  const signingIn = ref(false);
  /** The token a one-time link was exchanged for, shown once so that the organiser can keep it. */
  const linkToken = ref<string | null>(null);

  async function check(candidate: string): Promise<SignInProblem | null> {
    try {
      const { viewer } = await graphqlRequest(CheckViewerDocument, {}, { token: candidate });
      if (viewer.role === 'ORGANISER') return null;
      partnerFaculty.value = viewer.faculty?.name ?? null;
      return viewer.role === 'PARTNER' ? 'partner' : 'invalid';
    } catch (error) {
      return error instanceof GraphQLRequestError && error.kind === 'rejected' ? 'invalid' : 'network';
    }
  }

  /**
   * The organiser's Apollo Client, with the token and a cache of this session's own; a new one
   * at each sign-in, and the old one's cache (students' contact data) emptied at sign-out.
   */
  let client = createOrganiserClient(() => token.value);

  function signOut(reason: SignInProblem | null = null): void {
    void client.clearStore();
    client = createOrganiserClient(() => token.value);
    sessionStorage.removeItem(STORAGE_KEY);
    token.value = null;
    linkToken.value = null;
    state.value = 'signedOut';
    problem.value = reason;
  }

  async function signIn(entered: string): Promise<boolean> {
    // People paste the whole header line as often as the token itself.
    const candidate = entered.trim().replace(/^(authorization:\s*)?bearer\s+/i, '');
    partnerFaculty.value = null;
    if (!candidate) {
      problem.value = 'empty';
      return false;
    }
    signingIn.value = true;
    try {
      const found = await check(candidate);
      if (found) {
        problem.value = found;
        return false;
      }
      sessionStorage.setItem(STORAGE_KEY, candidate);
      token.value = candidate;
      problem.value = null;
      state.value = 'signedIn';
      return true;
    } finally {
      signingIn.value = false;
    }
  }

  /**
   * Opened from the first start's sign-in link: the code leaves the address bar (and so the
   * history) before it is sent, and is exchanged once for an organiser token.
   */
  async function redeemLink(): Promise<boolean> {
    const code = LINK_CODE.exec(location.hash)?.[1];
    if (!code) return false;
    history.replaceState(history.state, '', location.pathname + location.search);
    signingIn.value = true;
    try {
      const { redeemSignInCode } = await graphqlRequest(RedeemSignInCodeDocument, { code });
      sessionStorage.setItem(STORAGE_KEY, redeemSignInCode.token);
      token.value = redeemSignInCode.token;
      linkToken.value = redeemSignInCode.token;
      problem.value = null;
      state.value = 'signedIn';
    } catch (error) {
      signOut(error instanceof GraphQLRequestError && error.kind === 'rejected' ? 'linkUsed' : 'network');
    } finally {
      signingIn.value = false;
    }
    return true;
  }

  /** On opening the page: signed in again if this browser session holds a token that still works. */
  async function restore(): Promise<void> {
    if (await redeemLink()) return;
    const saved = sessionStorage.getItem(STORAGE_KEY);
    if (!saved) {
      state.value = 'signedOut';
      return;
    }
    const found = await check(saved);
    // Without a connection the token may well be fine; the lists say what failed.
    if (found && found !== 'network') {
      signOut(found === 'invalid' ? 'expired' : found);
      return;
    }
    token.value = saved;
    state.value = 'signedIn';
  }

  /** A token revoked while the page is open signs the organiser out, with the reason. */
  function refusedToken(error: unknown): void {
    if (error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED') signOut('expired');
  }

  /** Sends one operation through the organiser's client; a refusal is a GraphQLRequestError. */
  async function request<TResult, TVariables extends OperationVariables>(operation: Operation<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
    const document = apolloDocument(operation);
    // Apollo's options are typed per document; the generic ones here are checked by the signature.
    type Send = (options: object) => Promise<{ data?: unknown }>;
    try {
      const result = isMutation(document)
        ? await (client.mutate as Send)({ mutation: document, variables })
        : await (client.query as Send)({ query: document, variables });
      return result.data as TResult;
    } catch (error) {
      const failure = requestError(error);
      refusedToken(failure);
      throw failure;
    }
  }

  /** The client itself, for lists that follow the cache (useOrganiserList). */
  const organiserClient = () => client;

  /**
   * Fetches a file from the server with the token. A plain link cannot carry the
   * Authorization header, so the file is fetched and then saved from memory.
   */
  async function download(path: string): Promise<DownloadedFile> {
    let response: Response;
    try {
      response = await fetch(path, { headers: { authorization: `Bearer ${token.value}` } });
    } catch (error) {
      throw new GraphQLRequestError('network', error instanceof Error ? error.message : 'Network error.');
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
      const [first] = body?.errors ?? [];
      const code = first?.extensions?.code ?? null;
      const failure = new GraphQLRequestError(response.status >= 500 ? 'unavailable' : 'rejected', first?.message ?? `HTTP ${response.status}`, code);
      refusedToken(failure);
      throw failure;
    }
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? path.split('/').pop()!.split('?')[0]!;
    return { blob: await response.blob(), filename };
  }

  return { token, state, problem, partnerFaculty, signingIn, linkToken, signIn, signOut, restore, request: request as AdminRequest, refusedToken, organiserClient, download };
}

export type AdminSession = ReturnType<typeof useAdminSession>;
