import { Role, type Viewer } from '../common/viewer.js';
import { type Totals } from './totals.types.js';

/**
 * The small-group rule, in one place: below this many pledges, a faculty's numbers are not
 * shown, so that no student's pledge can be picked out ("the one student of Arts wrote 3
 * letters"). Every public and partner figure per faculty goes through this module: totals by
 * faculty (also within an event), another faculty's timeline, the leaderboard and the totals
 * CSV. The live subscription carries no faculty. See docs/partners.md for how a withheld
 * figure looks.
 */
export const SMALL_GROUP_MIN_PLEDGES = 5;

/** Organisers see everything, a partner its own faculty; a scope of all faculties (0) is no small group. */
function seesExactFigures(viewer: Viewer, facultyId: number | null): boolean {
  if (!facultyId) return true;
  if (viewer.role === Role.ORGANISER) return true;
  return viewer.role === Role.PARTNER && viewer.facultyId === facultyId;
}

/** Whether figures counted over `pledges` pledges of `facultyId` must be withheld from this viewer. */
export function withholds(viewer: Viewer, facultyId: number | null, pledges: number): boolean {
  return pledges < SMALL_GROUP_MIN_PLEDGES && !seesExactFigures(viewer, facultyId);
}

/**
 * A faculty's totals as this viewer may see them. Withheld totals say so (`withheld: true`),
 * and every count in them is 0, meaning "not shown", as is the time of the last change (the
 * campaign's creation instead), which would tell when that student pledged.
 */
export function totalsFor(viewer: Viewer, facultyId: number, totals: Totals): Totals {
  if (!withholds(viewer, facultyId, totals.pledges)) return { ...totals, withheld: false };
  return {
    ...totals,
    withheld: true,
    appealLetters: 0,
    solidarityCards: 0,
    total: 0,
    pledges: 0,
    cases: totals.cases.map((row) => ({ ...row, appealLetters: 0, solidarityCards: 0, total: 0 })),
    updatedAt: totals.campaign.createdAt,
  };
}

/** A figure over some pledges (a timeline bucket), withheld the same way when it is too small. */
export function figureFor<T extends { pledges: number; appealLetters: number; solidarityCards: number; total: number }>(
  viewer: Viewer,
  facultyId: number,
  figure: T,
): T & { withheld: boolean } {
  if (!withholds(viewer, facultyId, figure.pledges)) return { ...figure, withheld: false };
  return { ...figure, withheld: true, pledges: 0, appealLetters: 0, solidarityCards: 0, total: 0 };
}
