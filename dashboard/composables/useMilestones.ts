import { onBeforeUnmount, shallowRef, watch, type Ref } from 'vue';

/** How long a celebration stays; it sits beside the numbers, never over them. */
const CELEBRATION_MS = 8_000;

export type Celebration = { kind: 'goal' | 'round'; value: number };

/** The step between round numbers worth a cheer at this size: 50s, then 250s, 1,000s, 5,000s. */
function roundStep(total: number): number {
  if (total < 100) return 50;
  if (total < 1_000) return 250;
  if (total < 10_000) return 1_000;
  return 5_000;
}

/** The largest round number in (from, to], if there is one. */
export function roundCrossed(from: number, to: number): number | null {
  if (to <= from) return null;
  const step = roundStep(to);
  const round = Math.floor(to / step) * step;
  return round > from && round > 0 ? round : null;
}

/**
 * A short celebration when the total crosses the goal or a round number. Only crossings seen
 * on this screen count: the first numbers it shows are where the evening stands, not news.
 */
export function useMilestones(total: Ref<number | null>, goal: Ref<number | null>) {
  const celebration = shallowRef<Celebration | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  watch(total, (now, before) => {
    if (now === null || before === null || before === undefined || now <= before) return;
    const target = goal.value;
    let next: Celebration | null = null;
    if (target && before < target && now >= target) next = { kind: 'goal', value: target };
    else {
      const round = roundCrossed(before, now);
      if (round !== null) next = { kind: 'round', value: round };
    }
    if (!next) return;
    celebration.value = next;
    clearTimeout(timer);
    timer = setTimeout(() => (celebration.value = null), CELEBRATION_MS);
  });

  onBeforeUnmount(() => clearTimeout(timer));
  return celebration;
}
