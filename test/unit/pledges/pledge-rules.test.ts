import { describe, expect, it } from 'vitest';
import { publicViewer, Role } from '../../../server/common/viewer.js';
import { ANONYMOUS_PLEDGE_LIMITS, ORGANISER_PLEDGE_LIMITS, pledgeRulesFor, unknownReferences, type ValidPledge } from '../../../server/pledges/pledge.rules.js';

const organiser = { role: Role.ORGANISER, tokenId: 1, facultyId: null };
const pledge = (lines: { case: string; appealLetters: number; solidarityCards: number }[], extra: Partial<ValidPledge> = {}) => ({
  clientKey: '8f14e45f-ceea-467f-a0e6-7e3b2e1f9b10',
  lines,
  ...extra,
});
const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('pledge rules', () => {
  it('take a pledge of whole counts within the limits', () => {
    expect(pledgeRulesFor(publicViewer).safeParse(pledge([{ case: 'zhang-zhan', appealLetters: 2, solidarityCards: 1 }])).success).toBe(true);
  });

  it('report every problem of shape on its field at once', () => {
    const result = pledgeRulesFor(publicViewer).safeParse({
      clientKey: 'not-a-uuid',
      lines: [
        { case: 'zhang-zhan', appealLetters: -1, solidarityCards: 1.5 },
        { case: '', appealLetters: 1, solidarityCards: 0 },
      ],
    });
    expect(fieldsOf(result)).toEqual(['clientKey', 'lines.0.appealLetters', 'lines.0.solidarityCards', 'lines.1.case']);
  });

  it('name each person once', () => {
    const twice = pledge([
      { case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 },
      { case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 },
    ]);
    expect(fieldsOf(pledgeRulesFor(publicViewer).safeParse(twice))).toEqual(['lines.1.case']);
  });

  it('want at least one letter or card, and one person', () => {
    expect(fieldsOf(pledgeRulesFor(publicViewer).safeParse(pledge([{ case: 'zhang-zhan', appealLetters: 0, solidarityCards: 0 }])))).toEqual(['lines']);
    expect(fieldsOf(pledgeRulesFor(publicViewer).safeParse(pledge([])))).toEqual(['lines']);
  });

  it('lift the limits for an organiser token, to a whole table’s letters', () => {
    const { perLine, perPledge } = ANONYMOUS_PLEDGE_LIMITS;
    const overLine = pledge([{ case: 'zhang-zhan', appealLetters: perLine + 1, solidarityCards: 0 }]);
    const lines = Math.floor(perPledge / perLine) + 1;
    const overPledge = pledge(Array.from({ length: lines }, (_, index) => ({ case: `case-${index}`, appealLetters: perLine, solidarityCards: 0 })));
    expect(fieldsOf(pledgeRulesFor(publicViewer).safeParse(overLine))).toEqual(['lines.0.appealLetters']);
    expect(fieldsOf(pledgeRulesFor(publicViewer).safeParse(overPledge))).toEqual(['lines']);
    expect(pledgeRulesFor(organiser).safeParse(overLine).success).toBe(true);
    expect(pledgeRulesFor(organiser).safeParse(overPledge).success).toBe(true);
    expect(pledgeRulesFor(organiser).safeParse(pledge([{ case: 'x', appealLetters: ORGANISER_PLEDGE_LIMITS.perLine + 1, solidarityCards: 0 }])).success).toBe(false);
  });

  it('word every slug that named nothing on its field', () => {
    const valid = pledge([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }, { case: 'nobody', appealLetters: 1, solidarityCards: 0 }], { event: 'no-event', faculty: 'no-faculty' }) as ValidPledge;
    expect(unknownReferences(valid, { campaignId: 1, eventId: null, facultyId: null, caseIds: [3, null] })).toEqual([
      { field: 'input.event', message: 'There is no event "no-event" in this campaign.' },
      { field: 'input.faculty', message: 'There is no faculty "no-faculty".' },
      { field: 'input.lines.1.case', message: 'There is no case "nobody" in this campaign.' },
    ]);
    expect(unknownReferences(valid, { campaignId: 1, eventId: 2, facultyId: 4, caseIds: [3, 5] })).toEqual([]);
  });

  it('say only that the campaign is missing when it is: nothing else could be looked up in it', () => {
    const valid = pledge([{ case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 }], { campaign: 'gone' }) as ValidPledge;
    expect(unknownReferences(valid, { campaignId: null, eventId: null, facultyId: null, caseIds: [null] })).toEqual([{ field: 'input.campaign', message: 'There is no campaign "gone".' }]);
    expect(unknownReferences({ ...valid, campaign: null }, { campaignId: null, eventId: null, facultyId: null, caseIds: null })[0]!.message).toBe(
      'There is no current campaign to pledge to.',
    );
  });
});
