/**
 * The first campaign and its ten cases, the VUB's faculties, a sample event and the pickup
 * points: what is not text (slugs, country codes, what the letters ask, goals, dates, partner
 * flags), in screen order. Their texts, in English, Dutch and French, are content.ts's,
 * keyed by these slugs. `ask` is a CaseAsk value.
 */
export const seedCampaign = {
  slug: 'write-for-rights-2026',
  letterGoal: 5000,
  startsOn: '2026-11-20',
  endsOn: '2026-12-20',
};

export const seedCases = [
  { slug: 'bernardo-caal-xol', countryCode: 'GT', ask: 'release' },
  { slug: 'zhang-zhan', countryCode: 'CN', ask: 'release' },
  { slug: 'mohamed-el-baqer', countryCode: 'EG', ask: 'release' },
  { slug: 'wendy-galarza', countryCode: 'MX', ask: 'protect' },
  { slug: 'anna-and-vira', countryCode: 'UA', ask: 'protect' },
  { slug: 'janna-jihad', countryCode: 'PS', ask: 'protect' },
  { slug: 'imoleayo-michael', countryCode: 'NG', ask: 'protect' },
  { slug: 'rung-panusaya', countryCode: 'TH', ask: 'protect' },
  { slug: 'mikita-zalatarou', countryCode: 'BY', ask: 'release' },
  { slug: 'ciham-ali-ahmed', countryCode: 'ER', ask: 'release' },
];

/** The faculties of the Vrije Universiteit Brussel. */
export const seedFaculties = [
  { slug: 'arts-philosophy', partner: false },
  { slug: 'law-criminology', partner: true },
  { slug: 'social-sciences-solvay', partner: true },
  { slug: 'sciences-bioengineering', partner: false },
  { slug: 'engineering', partner: false },
  { slug: 'medicine-pharmacy', partner: false },
  { slug: 'psychology-education', partner: false },
  { slug: 'physical-education-physiotherapy', partner: false },
];

export const seedEvent = {
  slug: 'human-rights-day-2026',
  startsAt: '2026-12-10T17:00:00Z',
  endsAt: '2026-12-10T20:00:00Z',
};

export const seedPickupPoints = [{ slug: 'etterbeek-student-hub' }, { slug: 'jette-library' }];
