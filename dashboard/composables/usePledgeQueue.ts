import { readonly, ref, shallowRef } from 'vue';
import { SubmitPledgeDocument, type PledgeInput } from '../graphql/generated/pledge';
import { graphqlRequest } from '../graphql/request';
import { isPledgeReplayed } from '../sw/protocol';
import { newClientKey, PledgeQueue, type PledgeDraft, type PledgeOutcome, type QueuedPledge } from './pledgeQueue';

const pending = shallowRef<readonly QueuedPledge[]>([]);
/** The last pledge that was waiting on the phone and has now been delivered or refused. */
const lastSettled = ref<PledgeOutcome | null>(null);
let queue: PledgeQueue | null = null;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function send(input: PledgeInput) {
  const { submitPledge } = await graphqlRequest(SubmitPledgeDocument, { input });
  return submitPledge;
}

/** One queue per page, started on first use: it sends what an earlier visit left behind, and again whenever the phone is back online. */
function theQueue(): PledgeQueue {
  if (queue) return queue;
  const created = new PledgeQueue({
    storage: storage(),
    send,
    newKey: () => newClientKey(),
    onChange: (entries) => (pending.value = entries),
    onSettled: (outcome) => {
      if (outcome.status !== 'queued') lastSettled.value = outcome;
    },
  });
  queue = created;
  pending.value = created.pending;
  window.addEventListener('online', () => void created.retryNow());
  // The service worker's Background Sync delivered its copy of a pledge: send ours, get the
  // server's answer for that key (the same pledge, counted once) and clear it.
  navigator.serviceWorker?.addEventListener('message', (event) => {
    if (isPledgeReplayed(event.data)) void created.retryNow();
  });
  void created.flush();
  return created;
}

/** Submitting pledges that survive bad Wi-Fi: kept on the phone until the server has them. */
export function usePledgeQueue() {
  const instance = theQueue();
  return {
    /** Pledges saved on this phone and not yet delivered. */
    pending: readonly(pending),
    lastSettled: readonly(lastSettled),
    submit: (draft: PledgeDraft) => instance.submit(draft),
    isPending: (clientKey: string) => pending.value.some((entry) => entry.input.clientKey === clientKey),
    retryNow: () => instance.retryNow(),
  };
}
