import { describe, expect, it } from 'vitest';
import { roundCrossed } from '../../dashboard/composables/useMilestones';

describe(roundCrossed.name, () => {
  it('names the round number a rise crosses: 50s, then 250s, 1,000s and 5,000s', () => {
    expect(roundCrossed(48, 53)).toBe(50);
    expect(roundCrossed(240, 260)).toBe(250);
    expect(roundCrossed(990, 1_004)).toBe(1_000);
    expect(roundCrossed(4_990, 5_010)).toBe(5_000);
    expect(roundCrossed(14_900, 15_020)).toBe(15_000);
  });

  it('names the largest one when a rise crosses several, and none when it crosses none', () => {
    expect(roundCrossed(90, 620)).toBe(500);
    expect(roundCrossed(251, 260)).toBeNull();
    expect(roundCrossed(1_001, 1_900)).toBeNull();
    // Falling (a voided pledge) and standing still are no milestones.
    expect(roundCrossed(1_010, 990)).toBeNull();
    expect(roundCrossed(1_000, 1_000)).toBeNull();
  });
});
