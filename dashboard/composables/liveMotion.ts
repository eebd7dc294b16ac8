import { onBeforeUnmount, ref, type Ref } from 'vue';

/**
 * One clock for everything that moves on the projector: the bars (Chart.js), the numbers at their
 * ends and the big total all take this long with this easing, so they land together.
 */
export const LIVE_MOTION_MS = 800;
export const easeOutQuart = (t: number) => 1 - (1 - t) ** 4;
/** The same curve for CSS transitions. */
export const EASE_OUT_QUART_CSS = 'cubic-bezier(0.25, 1, 0.5, 1)';

const REDUCE = '(prefers-reduced-motion: reduce)';

/** Whether the viewer asked for less motion; follows the setting while the page is open. */
export function useReducedMotion(): Ref<boolean> {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia(REDUCE) : null;
  const reduced = ref(query?.matches ?? false);
  const sync = (event: MediaQueryListEvent) => (reduced.value = event.matches);
  query?.addEventListener('change', sync);
  onBeforeUnmount(() => query?.removeEventListener('change', sync));
  return reduced;
}
