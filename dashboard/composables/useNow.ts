import { onBeforeUnmount, ref } from 'vue';

/** The current time, ticking every `everyMs`, for wording such as "last pledge 3 min ago". */
export function useNow(everyMs = 15_000) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), everyMs);
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
