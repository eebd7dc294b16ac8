/** The first campaign and its ten cases, as the writing-marathon text names them (`ask`: a CaseAsk value). */
export const seedCampaign = {
  slug: 'write-for-rights-2026',
  title: 'Write for Rights 2026',
  letterGoal: 5000,
  startsOn: '2026-11-20',
  endsOn: '2026-12-20',
};

export const seedCases = [
  { slug: 'bernardo-caal-xol', name: 'Bernardo Caal Xol', country: 'Guatemala', countryCode: 'GT', reason: 'imprisoned for protecting the environment', ask: 'release' },
  { slug: 'zhang-zhan', name: 'Zhang Zhan', country: 'China', countryCode: 'CN', reason: 'imprisoned for exposing the truth about Corona', ask: 'release' },
  { slug: 'mohamed-el-baqer', name: 'Mohamed El-Baqer', country: 'Egypt', countryCode: 'EG', reason: 'imprisoned for standing up for freedom', ask: 'release' },
  { slug: 'wendy-galarza', name: 'Wendy Galarza', country: 'Mexico', countryCode: 'MX', reason: "shot during a demonstration for women's rights", ask: 'protect' },
  { slug: 'anna-and-vira', name: 'Anna and Vira', country: 'Ukraine', countryCode: 'UA', reason: "attacked for standing up for LGBTI+ and women's rights", ask: 'protect' },
  { slug: 'janna-jihad', name: 'Janna Jihad', country: 'occupied Palestinian territories', countryCode: 'PS', reason: 'threatened with death for speaking out about violence against Palestinians', ask: 'protect' },
  { slug: 'imoleayo-michael', name: 'Imoleayo Michael', country: 'Nigeria', countryCode: 'NG', reason: 'faces a prison sentence for protesting against police brutality', ask: 'protect' },
  { slug: 'rung-panusaya', name: 'Rung Panusaya', country: 'Thailand', countryCode: 'TH', reason: 'faces life sentence for peaceful protest', ask: 'protect' },
  { slug: 'mikita-zalatarou', name: 'Mikita Zalatarou', country: 'Belarus', countryCode: 'BY', reason: 'assaulted and convicted without due process', ask: 'release' },
  { slug: 'ciham-ali-ahmed', name: 'Ciham Ali Ahmed', country: 'Eritrea', countryCode: 'ER', reason: 'detained in secret', ask: 'release' },
];

/** The faculties of the Vrije Universiteit Brussel. */
export const seedFaculties = [
  { slug: 'arts-philosophy', name: 'Arts and Philosophy', partner: false },
  { slug: 'law-criminology', name: 'Law and Criminology', partner: true },
  { slug: 'social-sciences-solvay', name: 'Social Sciences and Solvay Business School', partner: true },
  { slug: 'sciences-bioengineering', name: 'Sciences and Bioengineering Sciences', partner: false },
  { slug: 'engineering', name: 'Engineering', partner: false },
  { slug: 'medicine-pharmacy', name: 'Medicine and Pharmacy', partner: false },
  { slug: 'psychology-education', name: 'Psychology and Educational Sciences', partner: false },
  { slug: 'physical-education-physiotherapy', name: 'Physical Education and Physiotherapy', partner: false },
];

export const seedEvent = {
  slug: 'human-rights-day-2026',
  title: 'Human Rights Day writing evening',
  location: 'Main campus Etterbeek, building D, hall D.0.03',
  startsAt: '2026-12-10T17:00:00Z',
  endsAt: '2026-12-10T20:00:00Z',
};

export const seedPickupPoints = [
  { slug: 'etterbeek-student-hub', name: 'Student Hub, main campus Etterbeek (building Y)', details: 'Weekdays 10:00 to 16:00' },
  { slug: 'jette-library', name: 'Library desk, health campus Jette', details: 'Weekdays 9:00 to 17:00' },
];
