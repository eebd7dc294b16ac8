import { TransitionPresets, useDocumentVisibility, usePreferredReducedMotion, useTransition } from '@vueuse/core';
import { computed, type Ref } from 'vue';

/**
 * A number that runs up (or down) to its target instead of jumping, so the hall sees the total
 * grow. Lands exactly on the target within `durationMs`; with reduced motion, or while the page
 * is hidden, it jumps at once.
 */
export function useCountUp(target: () => number, durationMs = 900): Readonly<Ref<number>> {
  const motion = usePreferredReducedMotion();
  const visibility = useDocumentVisibility();
  const shown = useTransition(target, {
    duration: durationMs,
    transition: TransitionPresets.easeOutCubic,
    disabled: computed(() => motion.value === 'reduce' || visibility.value === 'hidden'),
  });
  return computed(() => Math.round(shown.value));
}
