import { useDocumentVisibility, usePreferredReducedMotion, useTransition } from '@vueuse/core';
import { computed, type Ref } from 'vue';
import { easeOutQuart, LIVE_MOTION_MS } from './liveMotion';

/**
 * A number that runs up (or down) to its target instead of jumping, so the hall sees the total
 * grow. It takes the bars' time and curve (liveMotion.ts), so it lands when they do; with
 * reduced motion, or while the page is hidden, it jumps at once.
 */
export function useCountUp(target: () => number, durationMs = LIVE_MOTION_MS): Readonly<Ref<number>> {
  const motion = usePreferredReducedMotion();
  const visibility = useDocumentVisibility();
  const shown = useTransition(target, {
    duration: durationMs,
    transition: easeOutQuart,
    disabled: computed(() => motion.value === 'reduce' || visibility.value === 'hidden'),
  });
  return computed(() => Math.round(shown.value));
}
