import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { easeOutQuart, LIVE_MOTION_MS } from './liveMotion';

/**
 * A number that runs up (or down) to its target instead of jumping, so the hall sees the total
 * grow. It takes the bars' time and curve (liveMotion.ts), so it lands when they do; with
 * reduced motion, or on a hidden page, it jumps at once.
 */
export function useCountUp(target: () => number, durationMs = LIVE_MOTION_MS): Ref<number> {
  const shown = ref(target());
  let frame = 0;

  const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

  watch(target, (to) => {
    cancelAnimationFrame(frame);
    const from = shown.value;
    if (from === to || reducedMotion() || document.hidden) {
      shown.value = to;
      return;
    }
    const start = performance.now();
    const step = (now: number) => {
      const progress = Math.min(1, (now - start) / durationMs);
      shown.value = progress === 1 ? to : Math.round(from + (to - from) * easeOutQuart(progress));
      if (progress < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
  });

  onBeforeUnmount(() => cancelAnimationFrame(frame));
  return shown;
}
