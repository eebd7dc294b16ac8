import { Role, type Viewer } from '../common/viewer.js';
import { type Totals } from './totals.types.js';

/**
 * The small-group rule, in one place: below this many pledges, a faculty's numbers are not
 * shown, so that no student's pledge can be picked out ("the one student of Arts wrote 3
 * letters"). Every public and partner figure per faculty goes through this module: totals by
 * faculty (also within an event), the live totals of a faculty, timelines, the leaderboard and
 * the totals CSV. See docs/partners.md for how a withheld figure looks.
 *
 * Withholding the small figures alone is not enough: whoever sees a total and all its other
 * parts gets the withheld part back by subtraction (the campaign minus the faculties shown, a
 * faculty minus its figures at the one event, a day minus the faculties shown that day). So the
 * rule is applied to whole tables of figures: within every sum whose total is shown, the part
 * that is not shown (withheld figures and parts nobody publishes, such as pledges without a
 * faculty) must be nothing or at least 5 pledges; where it is 1 to 4, the smallest shown part
 * is withheld too (complementary suppression), until every sum is safe.
 */
export const SMALL_GROUP_MIN_PLEDGES = 5;

/** Organisers see everything, a partner its own faculty; a scope of all faculties (0) is no small group. */
export function seesInFull(viewer: Viewer, facultyId: number | null): boolean {
  if (!facultyId) return true;
  if (viewer.role === Role.ORGANISER) return true;
  return viewer.role === Role.PARTNER && viewer.facultyId === facultyId;
}

/**
 * Whether figures over `pledges` pledges of `facultyId` are small enough to withhold from this
 * viewer on their own (the primary rule; `withheldCells` adds the figures that would give them away).
 */
export function withholds(viewer: Viewer, facultyId: number | null, pledges: number): boolean {
  return pledges < SMALL_GROUP_MIN_PLEDGES && !seesInFull(viewer, facultyId);
}

/** A count of pledges in a table of figures: one that may be shown, or a part nobody publishes. */
type Cell = {
  key: string;
  pledges: number;
  /** Whose pledges (0: no faculty, or all of them). */
  facultyId: number;
  /** False for a part that is never shown on its own, e.g. the pledges without a faculty. */
  published: boolean;
};

/** Parts that add up to a total: a cell, or null for a total everyone sees (the campaign, an event). */
type Sum = { total: string | null; parts: string[] };

/**
 * Which cells of a table to withhold from this viewer: the small ones (fewer than 5 pledges),
 * and then, sum by sum, the smallest shown part wherever the hidden rest of a shown total is 1
 * to 4 pledges. A withheld total of 5 or more must keep at least 5 pledges of its parts hidden
 * too, or its parts would give it back. `alreadyWithheld` are cells another table decided on
 * (a faculty's totals, for its timeline). A partner's own faculty is never withheld; what it
 * knows of its own figures is taken as known.
 */
function withheldCells(viewer: Viewer, cells: readonly Cell[], sums: readonly Sum[], alreadyWithheld: Iterable<string> = []): Set<string> {
  const withheld = new Set<string>();
  if (viewer.role === Role.ORGANISER) return withheld;
  const byKey = new Map(cells.map((cell) => [cell.key, cell]));
  const cellOf = (key: string) => {
    const cell = byKey.get(key);
    if (!cell) throw new Error(`No cell "${key}" in the table`);
    return cell;
  };
  for (const cell of cells) if (cell.published && withholds(viewer, cell.facultyId, cell.pledges)) withheld.add(cell.key);
  for (const key of alreadyWithheld) withheld.add(key);
  const hidden = (cell: Cell) => !cell.published || withheld.has(cell.key);

  for (let changed = true; changed; ) {
    changed = false;
    for (const sum of sums) {
      const parts = sum.parts.map(cellOf);
      const rest = parts.filter(hidden).reduce((pledges, cell) => pledges + Math.max(cell.pledges, 0), 0);
      const total = sum.total === null ? null : cellOf(sum.total);
      const safe = !total || !hidden(total) ? rest === 0 || rest >= SMALL_GROUP_MIN_PLEDGES : total.pledges < SMALL_GROUP_MIN_PLEDGES || rest >= SMALL_GROUP_MIN_PLEDGES;
      if (safe) continue;
      const cover = parts
        .filter((cell) => !hidden(cell) && !seesInFull(viewer, cell.facultyId))
        .sort((a, b) => a.pledges - b.pledges || a.key.localeCompare(b.key))[0];
      if (cover) {
        withheld.add(cover.key);
        changed = true;
      }
    }
  }
  return withheld;
}

/**
 * Withholds within one list of faculty figures that, with `unlistedPledges` pledges of no
 * faculty in the list, make up a total everyone sees (an event's faculty race, a leaderboard).
 * Each figure comes back with `withheld`, its numbers zeroed where it is.
 *
 * A list of one event's faculties is also part of each faculty's own totals: where those are
 * shown as well, decide with `withheldScopes` over the whole campaign instead, so that the two
 * agree and neither gives the other away.
 */
export function withholdWithin<T extends FigureCounts & { facultyId: number }>(viewer: Viewer, figures: readonly T[], unlistedPledges: number): (T & { withheld: boolean })[] {
  const cells: Cell[] = figures.map((figure) => ({ key: String(figure.facultyId), pledges: figure.pledges, facultyId: figure.facultyId, published: true }));
  cells.push({ key: 'unlisted', pledges: unlistedPledges, facultyId: 0, published: false });
  const withheld = withheldCells(viewer, cells, [{ total: null, parts: cells.map((cell) => cell.key) }]);
  return figures.map((figure) => figureFor(figure, withheld.has(String(figure.facultyId))));
}

/** Pledges of one campaign per (event, faculty), 0 meaning all, as the scope tallies sum them. */
export type ScopePledges = { eventId: number; facultyId: number; pledges: number };

/**
 * The table of a campaign's scopes: every event by every faculty, with the campaign's faculty
 * totals, the events' totals and the campaign total as its sums, and the pledges without an
 * event or without a faculty as parts nobody publishes. Returns whether the figures of (event,
 * faculty) are withheld from this viewer (event 0: the whole campaign). It costs O(events x
 * faculties), never O(pledges).
 */
export function withheldScopes(viewer: Viewer, rows: readonly ScopePledges[], eventIds: readonly number[], facultyIds: readonly number[]): (eventId: number, facultyId: number) => boolean {
  const pledges = new Map(rows.map((row) => [`${row.eventId}:${row.facultyId}`, row.pledges]));
  const count = (eventId: number, facultyId: number) => pledges.get(`${eventId}:${facultyId}`) ?? 0;
  const cells: Cell[] = [];
  const sums: Sum[] = [];
  for (const eventId of [0, ...eventIds]) {
    const parts = facultyIds.map((facultyId) => `${eventId}:${facultyId}`);
    for (const facultyId of facultyIds) cells.push({ key: `${eventId}:${facultyId}`, pledges: count(eventId, facultyId), facultyId, published: true });
    const noFaculty = count(eventId, 0) - facultyIds.reduce((sum, facultyId) => sum + count(eventId, facultyId), 0);
    cells.push({ key: `${eventId}:none`, pledges: noFaculty, facultyId: 0, published: false });
    sums.push({ total: null, parts: [...parts, `${eventId}:none`] });
  }
  for (const facultyId of facultyIds) {
    const noEvent = count(0, facultyId) - eventIds.reduce((sum, eventId) => sum + count(eventId, facultyId), 0);
    cells.push({ key: `none:${facultyId}`, pledges: noEvent, facultyId, published: false });
    sums.push({ total: `0:${facultyId}`, parts: [...eventIds.map((eventId) => `${eventId}:${facultyId}`), `none:${facultyId}`] });
  }
  const withheld = withheldCells(viewer, cells, sums);
  return (eventId, facultyId) => withheld.has(`${eventId}:${facultyId}`);
}

/**
 * The table of a timeline: every bucket by every faculty. Each bucket's total (all faculties)
 * is shown, and so is each faculty's total in the scope unless `facultyWithheld` says it is
 * not (decided by `withheldScopes`); the pledges without a faculty are a part nobody publishes.
 * Empty buckets are cells like any other, so an empty bucket and one of 1 to 4 pledges look alike.
 */
export function withheldBuckets(
  viewer: Viewer,
  labels: readonly string[],
  rows: readonly { label: string; facultyId: number; pledges: number }[],
  facultyIds: readonly number[],
  facultyWithheld: (facultyId: number) => boolean,
): (label: string, facultyId: number) => boolean {
  const pledges = new Map(rows.map((row) => [`${row.label}|${row.facultyId}`, row.pledges]));
  const count = (label: string, facultyId: number) => pledges.get(`${label}|${facultyId}`) ?? 0;
  const cells: Cell[] = [];
  const sums: Sum[] = [];
  for (const label of labels) {
    for (const facultyId of facultyIds) cells.push({ key: `${label}|${facultyId}`, pledges: count(label, facultyId), facultyId, published: true });
    cells.push({ key: `${label}|0`, pledges: count(label, 0), facultyId: 0, published: false });
    sums.push({ total: null, parts: [...facultyIds, 0].map((facultyId) => `${label}|${facultyId}`) });
  }
  for (const facultyId of facultyIds) {
    const total = labels.reduce((sum, label) => sum + count(label, facultyId), 0);
    cells.push({ key: `total|${facultyId}`, pledges: total, facultyId, published: true });
    sums.push({ total: `total|${facultyId}`, parts: labels.map((label) => `${label}|${facultyId}`) });
  }
  const decided = facultyIds.filter(facultyWithheld).map((facultyId) => `total|${facultyId}`);
  const withheld = withheldCells(viewer, cells, sums, decided);
  return (label, facultyId) => withheld.has(`${label}|${facultyId}`);
}

type FigureCounts = { pledges: number; appealLetters: number; solidarityCards: number; total: number };

/**
 * A faculty's totals as shown. Withheld totals say so (`withheld: true`), and every count in
 * them is 0, meaning "not shown", as is the time of the last change (the campaign's creation
 * instead), which would tell when that student pledged.
 */
export function totalsFor(totals: Totals, withheld: boolean): Totals {
  if (!withheld) return { ...totals, withheld: false };
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

/** A figure over some pledges (a timeline bucket, a row of a list) as shown: zeros that say so when withheld. */
export function figureFor<T extends FigureCounts>(figure: T, withheld: boolean): T & { withheld: boolean } {
  if (!withheld) return { ...figure, withheld: false };
  return { ...figure, withheld: true, pledges: 0, appealLetters: 0, solidarityCards: 0, total: 0 };
}
