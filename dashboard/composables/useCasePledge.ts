import { computed, reactive, ref, watch, type Ref } from 'vue';
import { type PledgeOutcome } from './pledgeQueue';
import { usePledgeQueue } from './usePledgeQueue';

export type CasePledgeDelivery = 'sending' | 'queued' | 'sent' | 'refused';

/**
 * "I wrote it" on a case page: a pledge with one line, for this case, through the pledge form's
 * own queue (kept on the phone, sent with the same client key until the server has it, counted
 * once), for the event the QR code or link named.
 */
export function useCasePledge(slug: Ref<string>, scope: { event: string | null; faculty: string | null; campaign?: string | null }) {
  const queue = usePledgeQueue();
  // One letter is what a student who just wrote one means; cards are added with +.
  const counts = reactive({ appealLetters: 1, solidarityCards: 0 });
  const clientKey = ref<string | null>(null);
  const delivery = ref<CasePledgeDelivery | null>(null);
  const refusal = ref<string | null>(null);
  const submitting = ref(false);
  const empty = computed(() => counts.appealLetters + counts.solidarityCards === 0);

  // Scripts fill in hidden fields and send at once; the server refuses both (server/graphql/bot-check.ts).
  const shownAt = Date.now();
  const website = ref('');

  function settle(outcome: PledgeOutcome): void {
    clientKey.value = outcome.input.clientKey;
    if (outcome.status === 'rejected') {
      delivery.value = 'refused';
      refusal.value = outcome.error.message;
      return;
    }
    delivery.value = outcome.status;
    counts.appealLetters = 1;
    counts.solidarityCards = 0;
  }

  async function submit(): Promise<void> {
    if (submitting.value || empty.value) return;
    submitting.value = true;
    delivery.value = 'sending';
    refusal.value = null;
    try {
      settle(
        await queue.submit({
          // The campaign only when it is not the current one, as the page was opened.
          ...(scope.campaign ? { campaign: scope.campaign } : {}),
          event: scope.event,
          faculty: scope.faculty,
          lines: [{ case: slug.value, appealLetters: counts.appealLetters, solidarityCards: counts.solidarityCards }],
          website: website.value || null,
          fillTimeMs: Date.now() - shownAt,
        }),
      );
    } finally {
      submitting.value = false;
    }
  }

  // The pledge waited on the phone and a later retry has delivered (or refused) it.
  watch(queue.lastSettled, (outcome) => {
    if (!outcome || outcome.input.clientKey !== clientKey.value) return;
    if (outcome.status === 'rejected') {
      delivery.value = 'refused';
      refusal.value = outcome.error.message;
    } else if (outcome.status === 'sent') delivery.value = 'sent';
  });

  return { counts, delivery, refusal, submitting, empty, website, submit };
}
