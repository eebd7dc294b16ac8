import { describe, expect, it } from 'vitest';
import { type Campaign } from '../../../server/campaigns/campaign.entity.js';
import { publicViewer, Role } from '../../../server/common/viewer.js';
import { figureFor, SMALL_GROUP_MIN_PLEDGES, totalsFor, withholds } from '../../../server/totals/small-group.rule.js';
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
    expect(figureFor(publicViewer, ARTS, { pledges: 2, appealLetters: 3, solidarityCards: 1, total: 4 })).toEqual({ pledges: 0, appealLetters: 0, solidarityCards: 0, total: 0, withheld: true });
    expect(figureFor(organiser, ARTS, { pledges: 2, appealLetters: 3, solidarityCards: 1, total: 4 })).toEqual({ pledges: 2, appealLetters: 3, solidarityCards: 1, total: 4, withheld: false });
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
    const shown = totalsFor(publicViewer, ARTS, totals);
    expect(shown).toMatchObject({ withheld: true, appealLetters: 0, solidarityCards: 0, total: 0, pledges: 0, updatedAt: campaign.createdAt });
    expect(shown.cases).toEqual([{ case: { id: 1 }, appealLetters: 0, solidarityCards: 0, total: 0 }]);
    expect(totalsFor(partnerOf(ARTS), ARTS, totals)).toEqual({ ...totals, withheld: false });
  });
});
