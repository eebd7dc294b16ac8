import { onBeforeUnmount, onMounted, ref } from 'vue';

/**
 * True once nobody has moved the pointer, touched or pressed a key for `afterMs`: the
 * projector's controls fade out then and come back with the next movement.
 */
export function useIdle(afterMs = 3_000) {
  const idle = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wake = () => {
    idle.value = false;
    clearTimeout(timer);
    timer = setTimeout(() => (idle.value = true), afterMs);
  };
  const events = ['pointermove', 'pointerdown', 'keydown', 'focusin'] as const;
  onMounted(() => {
    events.forEach((name) => window.addEventListener(name, wake, { passive: true }));
    wake();
  });
  onBeforeUnmount(() => {
    events.forEach((name) => window.removeEventListener(name, wake));
    clearTimeout(timer);
  });
  return idle;
}
