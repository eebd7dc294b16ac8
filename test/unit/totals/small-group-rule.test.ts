import { describe, expect, it } from 'vitest';
import { type Campaign } from '../../../server/campaigns/campaign.entity.js';
import { publicViewer, Role } from '../../../server/common/viewer.js';
import { figureFor, SMALL_GROUP_MIN_PLEDGES, totalsFor, withheldScopes, withholds, withholdWithin } from '../../../server/totals/small-group.rule.js';
import { type Totals } from '../../../server/totals/totals.types.js';

const ARTS = 3;
const partnerOf = (facultyId: number) => ({ role: Role.PARTNER, tokenId: 9, facultyId });
const organiser = { role: Role.ORGANISER, tokenId: 1, facultyId: null };

describe('the small-group rule', () => {
  it('withholds a faculty’s figures over fewer than 5 pledges from the public and other partners only', () => {
    const few = SMALL_GROUP_MIN_PLEDGES - 1;
    expect(withholds(publicViewer, ARTS, few)).toBe(true);
    expect(withholds(partnerOf(ARTS + 1), ARTS, few)).toBe(true);
    expect(withholds(partnerOf(ARTS), ARTS, few)).toBe(false);
    expect(withholds(organiser, ARTS, few)).toBe(false);
    expect(withholds(publicViewer, ARTS, SMALL_GROUP_MIN_PLEDGES)).toBe(false);
    // All faculties together (0) are no small group.
    expect(withholds(publicViewer, 0, 1)).toBe(false);
  });

  it('shows a withheld figure as zeros that say so', () => {
    expect(figureFor({ pledges: 2, appealLetters: 3, solidarityCards: 1, total: 4 }, withholds(publicViewer, ARTS, 2))).toEqual({ pledges: 0, appealLetters: 0, solidarityCards: 0, total: 0, withheld: true });
    expect(figureFor({ pledges: 2, appealLetters: 3, solidarityCards: 1, total: 4 }, withholds(organiser, ARTS, 2))).toEqual({ pledges: 2, appealLetters: 3, solidarityCards: 1, total: 4, withheld: false });
  });

  it('hides when a withheld faculty last pledged, behind the campaign’s creation', () => {
    const campaign = { createdAt: new Date('2026-11-01T00:00:00Z') } as Campaign;
    const totals = {
      campaign,
      appealLetters: 3,
      solidarityCards: 1,
      total: 4,
      pledges: 2,
      cases: [{ case: { id: 1 }, appealLetters: 3, solidarityCards: 1, total: 4 }],
      updatedAt: new Date('2026-12-10T18:00:00Z'),
      withheld: false,
    } as unknown as Totals;
    const shown = totalsFor(totals, withholds(publicViewer, ARTS, totals.pledges));
    expect(shown).toMatchObject({ withheld: true, appealLetters: 0, solidarityCards: 0, total: 0, pledges: 0, updatedAt: campaign.createdAt });
    expect(shown.cases).toEqual([{ case: { id: 1 }, appealLetters: 0, solidarityCards: 0, total: 0 }]);
    expect(totalsFor(totals, withholds(partnerOf(ARTS), ARTS, totals.pledges))).toEqual({ ...totals, withheld: false });
  });

  const figure = (facultyId: number, pledges: number) => ({ facultyId, pledges, appealLetters: pledges, solidarityCards: 0, total: pledges });
  const withheldIds = (figures: { facultyId: number; withheld: boolean }[]) => figures.filter((row) => row.withheld).map((row) => row.facultyId);

  it('withholds the next-smallest faculty of a list when the hidden rest would be 1 to 4 pledges', () => {
    // Arts alone withheld: the total minus the others would be its 1 pledge.
    expect(withheldIds(withholdWithin(publicViewer, [figure(1, 1), figure(2, 6), figure(3, 9)], 0))).toEqual([1, 2]);
    // Nothing small, nothing withheld; and a hidden rest of 0 or of 5 and more is safe.
    expect(withheldIds(withholdWithin(publicViewer, [figure(1, 0), figure(2, 6), figure(3, 9)], 0))).toEqual([1]);
    expect(withheldIds(withholdWithin(publicViewer, [figure(1, 2), figure(2, 3), figure(3, 9)], 0))).toEqual([1, 2]);
    // Pledges without a faculty are hidden too: 2 of them would be the rest on their own.
    expect(withheldIds(withholdWithin(publicViewer, [figure(2, 6), figure(3, 9)], 2))).toEqual([2]);
    expect(withheldIds(withholdWithin(publicViewer, [figure(2, 6), figure(3, 9)], 5))).toEqual([]);
  });

  it('never withholds a partner its own faculty, nor anything from organisers', () => {
    // The partner of 2 knows its own 6 pledges, so the cover must be another faculty.
    expect(withheldIds(withholdWithin(partnerOf(2), [figure(1, 1), figure(2, 6), figure(3, 9)], 0))).toEqual([1, 3]);
    expect(withheldIds(withholdWithin(organiser, [figure(1, 1), figure(2, 6)], 0))).toEqual([]);
  });

  it('withholds within a campaign so that a faculty minus its one event leaves 0 or at least 5', () => {
    const EVENT = 7;
    // Law: 9 pledges, 7 of them at the event; Medicine: 8, none at the event.
    const rows = [
      { eventId: 0, facultyId: 0, pledges: 17 },
      { eventId: 0, facultyId: 1, pledges: 9 },
      { eventId: 0, facultyId: 2, pledges: 8 },
      { eventId: EVENT, facultyId: 0, pledges: 7 },
      { eventId: EVENT, facultyId: 1, pledges: 7 },
    ];
    const withheld = withheldScopes(publicViewer, rows, [EVENT], [1, 2]);
    expect(withheld(0, 1)).toBe(false);
    expect(withheld(EVENT, 1)).toBe(true);
    // Medicine at the event has no pledges: withheld, and 0 hidden is safe for it.
    expect(withheld(EVENT, 2)).toBe(true);
    expect(withheld(0, 2)).toBe(false);
  });
});
