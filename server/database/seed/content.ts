/**
 * The seed's texts in English, Dutch and French: the campaign, its ten cases with their writing kit,
 * the sample event, the faculties and the pickup points, keyed by the slugs of data.ts. The
 * English names, countries, reasons and titles are data.ts's strings, word for word.
 *
 * Every appeal addressee, appeal address and card address is null: the seed does not know them, and
 * an address that is only nearly right sends a letter nowhere. The case pages say "to be announced"
 * and /admin lists them as missing until an organiser fills them in from the campaign's own kit.
 */

export type Localised = { readonly en: string; readonly nl: string; readonly fr: string };

type CaseContent = {
  name: Localised;
  country: Localised;
  reason: Localised;
  about: Localised;
  askFor: Localised;
  appealAddressee: Localised | null;
  appealAddress: string | null;
  cardAddress: string | null;
  cardNote: Localised;
  sampleLetter: Localised;
  cardText: Localised;
  postageNote: Localised;
};

/** Same for every case until the organisers know where the cards go. */
const cardAddressToBeAnnounced: Localised = {
  en: 'The address for solidarity cards will be announced by the organisers. You can already write your card.',
  nl: 'De organisatoren maken het adres voor solidariteitskaarten nog bekend. Je kaart schrijven kan nu al.',
  fr: 'Les organisateurs communiqueront l’adresse où envoyer les cartes de solidarité. Vous pouvez déjà écrire votre carte.',
};

/** Every case is abroad, so every letter and card needs an international stamp. */
const internationalStamp: Localised = {
  en: 'Your letter or card goes abroad, so it needs an international stamp: in Belgium, a “World” stamp from bpost.',
  nl: 'Je brief of kaart gaat naar het buitenland en heeft dus een internationale postzegel nodig: in België een postzegel “World” van bpost.',
  fr: 'Votre lettre ou carte part à l’étranger et doit donc porter un timbre international : en Belgique, un timbre « World » de bpost.',
};

export const campaignContent: { title: Localised } = {
  title: { en: 'Write for Rights 2026', nl: 'Schrijfmarathon 2026', fr: 'Marathon des lettres 2026' },
};

export const caseContent: Record<string, CaseContent> = {
  'bernardo-caal-xol': {
    name: { en: 'Bernardo Caal Xol', nl: 'Bernardo Caal Xol', fr: 'Bernardo Caal Xol' },
    country: { en: 'Guatemala', nl: 'Guatemala', fr: 'Guatemala' },
    reason: {
      en: 'imprisoned for protecting the environment',
      nl: 'gevangengezet omdat hij het milieu beschermde',
      fr: 'emprisonné pour avoir protégé l’environnement',
    },
    about: {
      en: 'Bernardo Caal Xol is in prison in Guatemala because he protected the environment. Protecting the environment is not a crime. Letters from many countries show the authorities that the world is watching, and cards show Bernardo that he is not forgotten.',
      nl: 'Bernardo Caal Xol zit in Guatemala in de gevangenis omdat hij het milieu beschermde. Het milieu beschermen is geen misdaad. Brieven uit veel landen tonen de autoriteiten dat de wereld meekijkt, en kaarten tonen Bernardo dat hij niet vergeten is.',
      fr: 'Bernardo Caal Xol est en prison au Guatemala pour avoir protégé l’environnement. Protéger l’environnement n’est pas un crime. Des lettres venues de nombreux pays montrent aux autorités que le monde les observe, et des cartes montrent à Bernardo qu’il n’est pas oublié.',
    },
    askFor: {
      en: 'The letter asks the authorities of Guatemala to release Bernardo Caal Xol immediately and unconditionally.',
      nl: 'De brief vraagt de autoriteiten van Guatemala om Bernardo Caal Xol onmiddellijk en onvoorwaardelijk vrij te laten.',
      fr: 'La lettre demande aux autorités du Guatemala de libérer Bernardo Caal Xol immédiatement et sans condition.',
    },
    appealAddressee: null,
    appealAddress: null,
    cardAddress: null,
    cardNote: cardAddressToBeAnnounced,
    sampleLetter: {
      en: 'Dear Sir or Madam,\n\nI study at the Vrije Universiteit Brussel in Belgium, and I am writing to you about Bernardo Caal Xol, who is imprisoned in Guatemala for protecting the environment.\n\nProtecting the environment is not a crime. It is work that benefits everyone, and no one should lose their freedom for it. Students at my university and people around the world are following his situation closely.\n\nI therefore respectfully ask you to release Bernardo Caal Xol immediately and unconditionally.\n\nThank you for your attention to this urgent matter.\n\nYours faithfully,\n\n[your name]',
      nl: 'Geachte heer, mevrouw,\n\nIk studeer aan de Vrije Universiteit Brussel in België en ik schrijf u over Bernardo Caal Xol, die in Guatemala in de gevangenis zit omdat hij het milieu beschermde.\n\nHet milieu beschermen is geen misdaad. Het is werk waar iedereen baat bij heeft, en niemand zou daarvoor zijn vrijheid mogen verliezen. Studenten aan mijn universiteit en mensen over de hele wereld volgen zijn situatie op de voet.\n\nDaarom vraag ik u met respect om Bernardo Caal Xol onmiddellijk en onvoorwaardelijk vrij te laten.\n\nIk dank u voor de aandacht die u aan deze dringende zaak besteedt.\n\nHoogachtend,\n\n[je naam]',
      fr: 'Madame, Monsieur,\n\nJ’étudie à la Vrije Universiteit Brussel, en Belgique, et je vous écris au sujet de Bernardo Caal Xol, emprisonné au Guatemala pour avoir protégé l’environnement.\n\nProtéger l’environnement n’est pas un crime. C’est un travail utile à tous, et personne ne devrait perdre sa liberté pour cela. Des étudiants de mon université et des personnes du monde entier suivent sa situation de près.\n\nJe vous demande donc respectueusement de libérer Bernardo Caal Xol immédiatement et sans condition.\n\nJe vous remercie de l’attention que vous porterez à cette affaire urgente.\n\nJe vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.\n\n[votre nom]',
    },
    cardText: {
      en: 'Dear Bernardo,\nThank you for standing up for the environment.\nYou are not alone: we are thinking of you in Brussels.',
      nl: 'Beste Bernardo,\nBedankt dat je opkomt voor het milieu.\nJe staat er niet alleen voor: we denken aan je in Brussel.',
      fr: 'Cher Bernardo,\nMerci de défendre l’environnement.\nVous n’êtes pas seul : nous pensons à vous à Bruxelles.',
    },
    postageNote: internationalStamp,
  },

  'zhang-zhan': {
    name: { en: 'Zhang Zhan', nl: 'Zhang Zhan', fr: 'Zhang Zhan' },
    country: { en: 'China', nl: 'China', fr: 'Chine' },
    reason: {
      en: 'imprisoned for exposing the truth about Corona',
      nl: 'gevangengezet omdat ze de waarheid over corona aan het licht bracht',
      fr: 'emprisonnée pour avoir révélé la vérité sur le coronavirus',
    },
    about: {
      en: 'Zhang Zhan is in prison in China because she exposed the truth about the coronavirus. Telling people what is happening is not a crime. Every letter tells the authorities that people far away care about what happens to her.',
      nl: 'Zhang Zhan zit in China in de gevangenis omdat ze de waarheid over het coronavirus aan het licht bracht. Mensen vertellen wat er gebeurt, is geen misdaad. Elke brief laat de autoriteiten weten dat mensen ver weg bezorgd zijn om haar.',
      fr: 'Zhang Zhan est en prison en Chine pour avoir révélé la vérité sur le coronavirus. Dire ce qui se passe n’est pas un crime. Chaque lettre montre aux autorités que des gens, même très loin, se soucient de son sort.',
    },
    askFor: {
      en: 'The letter asks the authorities of China to release Zhang Zhan immediately and unconditionally.',
      nl: 'De brief vraagt de Chinese autoriteiten om Zhang Zhan onmiddellijk en onvoorwaardelijk vrij te laten.',
      fr: 'La lettre demande aux autorités chinoises de libérer Zhang Zhan immédiatement et sans condition.',
    },
    appealAddressee: null,
    appealAddress: null,
    cardAddress: null,
    cardNote: cardAddressToBeAnnounced,
    sampleLetter: {
      en: 'Dear Sir or Madam,\n\nI study at the Vrije Universiteit Brussel in Belgium, and I am writing to you about Zhang Zhan, who is imprisoned in China for exposing the truth about the coronavirus.\n\nEveryone has the right to seek and share information, all the more so about an illness that affects the health of so many people. No one should be punished for telling the truth.\n\nI therefore respectfully ask you to release Zhang Zhan immediately and unconditionally.\n\nThank you for your attention to this urgent matter.\n\nYours faithfully,\n\n[your name]',
      nl: 'Geachte heer, mevrouw,\n\nIk studeer aan de Vrije Universiteit Brussel in België en ik schrijf u over Zhang Zhan, die in China in de gevangenis zit omdat ze de waarheid over het coronavirus aan het licht bracht.\n\nIedereen heeft het recht om informatie te zoeken en te delen, zeker over een ziekte die de gezondheid van zoveel mensen raakt. Niemand zou gestraft mogen worden omdat die de waarheid vertelt.\n\nDaarom vraag ik u met respect om Zhang Zhan onmiddellijk en onvoorwaardelijk vrij te laten.\n\nIk dank u voor de aandacht die u aan deze dringende zaak besteedt.\n\nHoogachtend,\n\n[je naam]',
      fr: 'Madame, Monsieur,\n\nJ’étudie à la Vrije Universiteit Brussel, en Belgique, et je vous écris au sujet de Zhang Zhan, emprisonnée en Chine pour avoir révélé la vérité sur le coronavirus.\n\nToute personne a le droit de chercher et de partager des informations, à plus forte raison sur une maladie qui touche la santé de tant de gens. Personne ne devrait être puni pour avoir dit la vérité.\n\nJe vous demande donc respectueusement de libérer Zhang Zhan immédiatement et sans condition.\n\nJe vous remercie de l’attention que vous porterez à cette affaire urgente.\n\nJe vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.\n\n[votre nom]',
    },
    cardText: {
      en: 'Dear Zhang Zhan,\nThank you for your courage in telling the truth.\nWe are thinking of you in Brussels.',
      nl: 'Beste Zhang Zhan,\nBedankt voor je moed om de waarheid te vertellen.\nWe denken aan je in Brussel.',
      fr: 'Chère Zhang Zhan,\nMerci d’avoir eu le courage de dire la vérité.\nNous pensons à vous à Bruxelles.',
    },
    postageNote: internationalStamp,
  },

  'mohamed-el-baqer': {
    name: { en: 'Mohamed El-Baqer', nl: 'Mohamed El-Baqer', fr: 'Mohamed El-Baqer' },
    country: { en: 'Egypt', nl: 'Egypte', fr: 'Égypte' },
    reason: {
      en: 'imprisoned for standing up for freedom',
      nl: 'gevangengezet omdat hij opkwam voor vrijheid',
      fr: 'emprisonné pour avoir défendu la liberté',
    },
    about: {
      en: 'Mohamed El-Baqer is in prison in Egypt because he stood up for freedom. Speaking up for freedom is a right, not a crime. Letters from abroad remind the authorities that his case is known, and cards remind Mohamed that he is not alone.',
      nl: 'Mohamed El-Baqer zit in Egypte in de gevangenis omdat hij opkwam voor vrijheid. Opkomen voor vrijheid is een recht, geen misdaad. Brieven uit het buitenland herinneren de autoriteiten eraan dat zijn zaak bekend is, en kaarten laten Mohamed weten dat hij er niet alleen voor staat.',
      fr: 'Mohamed El-Baqer est en prison en Égypte pour avoir défendu la liberté. Défendre la liberté est un droit, pas un crime. Les lettres venues de l’étranger rappellent aux autorités que son cas est connu, et les cartes rappellent à Mohamed qu’il n’est pas seul.',
    },
    askFor: {
      en: 'The letter asks the authorities of Egypt to release Mohamed El-Baqer immediately and unconditionally.',
      nl: 'De brief vraagt de Egyptische autoriteiten om Mohamed El-Baqer onmiddellijk en onvoorwaardelijk vrij te laten.',
      fr: 'La lettre demande aux autorités égyptiennes de libérer Mohamed El-Baqer immédiatement et sans condition.',
    },
    appealAddressee: null,
    appealAddress: null,
    cardAddress: null,
    cardNote: cardAddressToBeAnnounced,
    sampleLetter: {
      en: 'Dear Sir or Madam,\n\nI study at the Vrije Universiteit Brussel in Belgium, and I am writing to you about Mohamed El-Baqer, who is imprisoned in Egypt for standing up for freedom.\n\nStanding up for freedom is a right, not a crime, and no one should be locked up for it. Students at my university and people around the world are following his situation closely.\n\nI therefore respectfully ask you to release Mohamed El-Baqer immediately and unconditionally.\n\nThank you for your attention to this urgent matter.\n\nYours faithfully,\n\n[your name]',
      nl: 'Geachte heer, mevrouw,\n\nIk studeer aan de Vrije Universiteit Brussel in België en ik schrijf u over Mohamed El-Baqer, die in Egypte in de gevangenis zit omdat hij opkwam voor vrijheid.\n\nOpkomen voor vrijheid is een recht, geen misdaad, en niemand zou daarvoor opgesloten mogen worden. Studenten aan mijn universiteit en mensen over de hele wereld volgen zijn situatie op de voet.\n\nDaarom vraag ik u met respect om Mohamed El-Baqer onmiddellijk en onvoorwaardelijk vrij te laten.\n\nIk dank u voor de aandacht die u aan deze dringende zaak besteedt.\n\nHoogachtend,\n\n[je naam]',
      fr: 'Madame, Monsieur,\n\nJ’étudie à la Vrije Universiteit Brussel, en Belgique, et je vous écris au sujet de Mohamed El-Baqer, emprisonné en Égypte pour avoir défendu la liberté.\n\nDéfendre la liberté est un droit, pas un crime, et personne ne devrait être enfermé pour cela. Des étudiants de mon université et des personnes du monde entier suivent sa situation de près.\n\nJe vous demande donc respectueusement de libérer Mohamed El-Baqer immédiatement et sans condition.\n\nJe vous remercie de l’attention que vous porterez à cette affaire urgente.\n\nJe vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.\n\n[votre nom]',
    },
    cardText: {
      en: 'Dear Mohamed,\nThank you for standing up for freedom.\nYou are not alone: we are thinking of you in Brussels.',
      nl: 'Beste Mohamed,\nBedankt dat je opkomt voor vrijheid.\nJe staat er niet alleen voor: we denken aan je in Brussel.',
      fr: 'Cher Mohamed,\nMerci de défendre la liberté.\nVous n’êtes pas seul : nous pensons à vous à Bruxelles.',
    },
    postageNote: internationalStamp,
  },

  'wendy-galarza': {
    name: { en: 'Wendy Galarza', nl: 'Wendy Galarza', fr: 'Wendy Galarza' },
    country: { en: 'Mexico', nl: 'Mexico', fr: 'Mexique' },
    reason: {
      en: "shot during a demonstration for women's rights",
      nl: 'neergeschoten tijdens een betoging voor vrouwenrechten',
      fr: 'blessée par balle lors d’une manifestation pour les droits des femmes',
    },
    about: {
      en: 'Wendy Galarza was shot during a demonstration for women’s rights in Mexico. People who demonstrate for their rights must be safe, and those who attack them must answer for it. Letters ask the authorities to protect her and to bring those responsible to justice.',
      nl: 'Wendy Galarza werd in Mexico neergeschoten tijdens een betoging voor vrouwenrechten. Wie betoogt voor zijn rechten, moet veilig zijn, en wie betogers aanvalt, moet daarvoor verantwoording afleggen. Brieven vragen de autoriteiten om haar te beschermen en de verantwoordelijken te berechten.',
      fr: 'Wendy Galarza a été blessée par balle lors d’une manifestation pour les droits des femmes au Mexique. Les personnes qui manifestent pour leurs droits doivent être en sécurité, et ceux qui les attaquent doivent en répondre. Les lettres demandent aux autorités de la protéger et de traduire les responsables en justice.',
    },
    askFor: {
      en: 'The letter asks the authorities of Mexico to protect Wendy Galarza, and to investigate the shooting so that those responsible are brought to justice.',
      nl: 'De brief vraagt de Mexicaanse autoriteiten om Wendy Galarza te beschermen en de schoten op haar te onderzoeken, zodat de verantwoordelijken berecht worden.',
      fr: 'La lettre demande aux autorités mexicaines de protéger Wendy Galarza et d’enquêter sur les tirs dont elle a été victime, afin que les responsables soient traduits en justice.',
    },
    appealAddressee: null,
    appealAddress: null,
    cardAddress: null,
    cardNote: cardAddressToBeAnnounced,
    sampleLetter: {
      en: 'Dear Sir or Madam,\n\nI study at the Vrije Universiteit Brussel in Belgium, and I am writing to you about Wendy Galarza, who was shot during a demonstration for women’s rights in Mexico.\n\nEveryone has the right to demonstrate for women’s rights without being harmed. I am concerned for her safety, and I believe that what happened to her must not go unpunished.\n\nI therefore respectfully ask you to make sure that Wendy Galarza is protected, and that the shooting is investigated thoroughly and impartially so that those responsible are brought to justice.\n\nThank you for your attention to this urgent matter.\n\nYours faithfully,\n\n[your name]',
      nl: 'Geachte heer, mevrouw,\n\nIk studeer aan de Vrije Universiteit Brussel in België en ik schrijf u over Wendy Galarza, die in Mexico werd neergeschoten tijdens een betoging voor vrouwenrechten.\n\nIedereen heeft het recht om te betogen voor vrouwenrechten zonder daarbij gewond te raken. Ik maak me zorgen over haar veiligheid, en ik vind dat wat haar is overkomen niet onbestraft mag blijven.\n\nDaarom vraag ik u met respect om ervoor te zorgen dat Wendy Galarza beschermd wordt, en dat de schoten op haar grondig en onpartijdig onderzocht worden, zodat de verantwoordelijken berecht worden.\n\nIk dank u voor de aandacht die u aan deze dringende zaak besteedt.\n\nHoogachtend,\n\n[je naam]',
      fr: 'Madame, Monsieur,\n\nJ’étudie à la Vrije Universiteit Brussel, en Belgique, et je vous écris au sujet de Wendy Galarza, blessée par balle lors d’une manifestation pour les droits des femmes au Mexique.\n\nChacun a le droit de manifester pour les droits des femmes sans être blessé. Sa sécurité m’inquiète, et je pense que ce qui lui est arrivé ne doit pas rester impuni.\n\nJe vous demande donc respectueusement de veiller à ce que Wendy Galarza soit protégée, et à ce que les tirs dont elle a été victime fassent l’objet d’une enquête approfondie et impartiale, afin que les responsables soient traduits en justice.\n\nJe vous remercie de l’attention que vous porterez à cette affaire urgente.\n\nJe vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.\n\n[votre nom]',
    },
    cardText: {
      en: 'Dear Wendy,\nThank you for standing up for women’s rights.\nWe stand with you, from Brussels.',
      nl: 'Beste Wendy,\nBedankt dat je opkomt voor vrouwenrechten.\nWe staan achter je, vanuit Brussel.',
      fr: 'Chère Wendy,\nMerci de défendre les droits des femmes.\nNous sommes avec vous, depuis Bruxelles.',
    },
    postageNote: internationalStamp,
  },

  'anna-and-vira': {
    name: { en: 'Anna and Vira', nl: 'Anna en Vira', fr: 'Anna et Vira' },
    country: { en: 'Ukraine', nl: 'Oekraïne', fr: 'Ukraine' },
    reason: {
      en: "attacked for standing up for LGBTI+ and women's rights",
      nl: 'aangevallen omdat ze opkomen voor de rechten van LGBTI+-personen en vrouwen',
      fr: 'agressées pour avoir défendu les droits des personnes LGBTI+ et des femmes',
    },
    about: {
      en: 'Anna and Vira have been attacked in Ukraine for standing up for LGBTI+ and women’s rights. No one should be attacked for defending equal rights. Letters ask the authorities to keep them safe and to bring those responsible to justice.',
      nl: 'Anna en Vira zijn in Oekraïne aangevallen omdat ze opkomen voor de rechten van LGBTI+-personen en vrouwen. Niemand mag aangevallen worden omdat die opkomt voor gelijke rechten. Brieven vragen de autoriteiten om hen te beschermen en de verantwoordelijken te berechten.',
      fr: 'Anna et Vira ont été agressées en Ukraine pour avoir défendu les droits des personnes LGBTI+ et des femmes. Personne ne devrait être attaqué pour avoir défendu l’égalité des droits. Les lettres demandent aux autorités de les protéger et de traduire les responsables en justice.',
    },
    askFor: {
      en: 'The letter asks the authorities of Ukraine to protect Anna and Vira, and to investigate the attacks against them so that those responsible are brought to justice.',
      nl: 'De brief vraagt de Oekraïense autoriteiten om Anna en Vira te beschermen en de aanvallen tegen hen te onderzoeken, zodat de verantwoordelijken berecht worden.',
      fr: 'La lettre demande aux autorités ukrainiennes de protéger Anna et Vira et d’enquêter sur les agressions qu’elles ont subies, afin que les responsables soient traduits en justice.',
    },
    appealAddressee: null,
    appealAddress: null,
    cardAddress: null,
    cardNote: cardAddressToBeAnnounced,
    sampleLetter: {
      en: 'Dear Sir or Madam,\n\nI study at the Vrije Universiteit Brussel in Belgium, and I am writing to you about Anna and Vira, who have been attacked in Ukraine for standing up for LGBTI+ and women’s rights.\n\nEveryone has the right to defend equal rights without fear of violence. I am concerned for their safety, and I believe that these attacks must not go unpunished.\n\nI therefore respectfully ask you to make sure that Anna and Vira are protected, and that the attacks against them are investigated thoroughly and impartially so that those responsible are brought to justice.\n\nThank you for your attention to this urgent matter.\n\nYours faithfully,\n\n[your name]',
      nl: 'Geachte heer, mevrouw,\n\nIk studeer aan de Vrije Universiteit Brussel in België en ik schrijf u over Anna en Vira, die in Oekraïne zijn aangevallen omdat ze opkomen voor de rechten van LGBTI+-personen en vrouwen.\n\nIedereen heeft het recht om op te komen voor gelijke rechten zonder angst voor geweld. Ik maak me zorgen over hun veiligheid, en ik vind dat deze aanvallen niet onbestraft mogen blijven.\n\nDaarom vraag ik u met respect om ervoor te zorgen dat Anna en Vira beschermd worden, en dat de aanvallen tegen hen grondig en onpartijdig onderzocht worden, zodat de verantwoordelijken berecht worden.\n\nIk dank u voor de aandacht die u aan deze dringende zaak besteedt.\n\nHoogachtend,\n\n[je naam]',
      fr: 'Madame, Monsieur,\n\nJ’étudie à la Vrije Universiteit Brussel, en Belgique, et je vous écris au sujet d’Anna et Vira, agressées en Ukraine pour avoir défendu les droits des personnes LGBTI+ et des femmes.\n\nChacun a le droit de défendre l’égalité des droits sans craindre la violence. Leur sécurité m’inquiète, et je pense que ces agressions ne doivent pas rester impunies.\n\nJe vous demande donc respectueusement de veiller à ce qu’Anna et Vira soient protégées, et à ce que les agressions qu’elles ont subies fassent l’objet d’une enquête approfondie et impartiale, afin que les responsables soient traduits en justice.\n\nJe vous remercie de l’attention que vous porterez à cette affaire urgente.\n\nJe vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.\n\n[votre nom]',
    },
    cardText: {
      en: 'Dear Anna and Vira,\nThank you for standing up for equal rights.\nYou are not alone: we are with you, from Brussels.',
      nl: 'Beste Anna en Vira,\nBedankt dat jullie opkomen voor gelijke rechten.\nJullie staan er niet alleen voor: we zijn met jullie, vanuit Brussel.',
      fr: 'Chères Anna et Vira,\nMerci de défendre l’égalité des droits.\nVous n’êtes pas seules : nous sommes avec vous, depuis Bruxelles.',
    },
    postageNote: internationalStamp,
  },

  'janna-jihad': {
    name: { en: 'Janna Jihad', nl: 'Janna Jihad', fr: 'Janna Jihad' },
    country: { en: 'occupied Palestinian territories', nl: 'bezette Palestijnse gebieden', fr: 'territoires palestiniens occupés' },
    reason: {
      en: 'threatened with death for speaking out about violence against Palestinians',
      nl: 'met de dood bedreigd omdat ze zich uitspreekt over geweld tegen Palestijnen',
      fr: 'menacée de mort pour avoir dénoncé les violences contre les Palestiniens',
    },
    about: {
      en: 'Janna Jihad has been threatened with death for speaking out about violence against Palestinians in the occupied Palestinian territories. Speaking out is her right, and she must be able to do it safely. Letters ask the authorities to protect her and to bring those who threaten her to justice.',
      nl: 'Janna Jihad is met de dood bedreigd omdat ze zich uitspreekt over geweld tegen Palestijnen in de bezette Palestijnse gebieden. Zich uitspreken is haar recht, en ze moet dat veilig kunnen doen. Brieven vragen de autoriteiten om haar te beschermen en wie haar bedreigt te berechten.',
      fr: 'Janna Jihad est menacée de mort pour avoir dénoncé les violences contre les Palestiniens dans les territoires palestiniens occupés. S’exprimer est son droit, et elle doit pouvoir le faire en sécurité. Les lettres demandent aux autorités de la protéger et de traduire en justice les auteurs des menaces.',
    },
    askFor: {
      en: 'The letter asks the authorities to protect Janna Jihad, to take the threats against her seriously and to bring those responsible to justice.',
      nl: 'De brief vraagt de autoriteiten om Janna Jihad te beschermen, de bedreigingen tegen haar ernstig te nemen en de verantwoordelijken te berechten.',
      fr: 'La lettre demande aux autorités de protéger Janna Jihad, de prendre au sérieux les menaces dont elle est l’objet et de traduire les responsables en justice.',
    },
    appealAddressee: null,
    appealAddress: null,
    cardAddress: null,
    cardNote: cardAddressToBeAnnounced,
    sampleLetter: {
      en: 'Dear Sir or Madam,\n\nI study at the Vrije Universiteit Brussel in Belgium, and I am writing to you about Janna Jihad, who has been threatened with death for speaking out about violence against Palestinians in the occupied Palestinian territories.\n\nEveryone has the right to speak out about violence without fearing for their life. I am deeply concerned for her safety.\n\nI therefore respectfully ask you to make sure that Janna Jihad is protected, that the threats against her are investigated thoroughly and impartially, and that those responsible are brought to justice.\n\nThank you for your attention to this urgent matter.\n\nYours faithfully,\n\n[your name]',
      nl: 'Geachte heer, mevrouw,\n\nIk studeer aan de Vrije Universiteit Brussel in België en ik schrijf u over Janna Jihad, die met de dood bedreigd is omdat ze zich uitspreekt over geweld tegen Palestijnen in de bezette Palestijnse gebieden.\n\nIedereen heeft het recht om zich uit te spreken over geweld zonder voor zijn leven te moeten vrezen. Ik maak me grote zorgen over haar veiligheid.\n\nDaarom vraag ik u met respect om ervoor te zorgen dat Janna Jihad beschermd wordt, dat de bedreigingen tegen haar grondig en onpartijdig onderzocht worden, en dat de verantwoordelijken berecht worden.\n\nIk dank u voor de aandacht die u aan deze dringende zaak besteedt.\n\nHoogachtend,\n\n[je naam]',
      fr: 'Madame, Monsieur,\n\nJ’étudie à la Vrije Universiteit Brussel, en Belgique, et je vous écris au sujet de Janna Jihad, menacée de mort pour avoir dénoncé les violences contre les Palestiniens dans les territoires palestiniens occupés.\n\nChacun a le droit de dénoncer la violence sans craindre pour sa vie. Sa sécurité m’inquiète profondément.\n\nJe vous demande donc respectueusement de veiller à ce que Janna Jihad soit protégée, à ce que les menaces dont elle est l’objet fassent l’objet d’une enquête approfondie et impartiale, et à ce que les responsables soient traduits en justice.\n\nJe vous remercie de l’attention que vous porterez à cette affaire urgente.\n\nJe vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.\n\n[votre nom]',
    },
    cardText: {
      en: 'Dear Janna,\nYour voice matters.\nWe are thinking of you and wish you safety, from Brussels.',
      nl: 'Beste Janna,\nJe stem is belangrijk.\nWe denken aan je en wensen je veiligheid toe, vanuit Brussel.',
      fr: 'Chère Janna,\nVotre voix compte.\nNous pensons à vous et vous souhaitons d’être en sécurité, depuis Bruxelles.',
    },
    postageNote: internationalStamp,
  },

  'imoleayo-michael': {
    name: { en: 'Imoleayo Michael', nl: 'Imoleayo Michael', fr: 'Imoleayo Michael' },
    country: { en: 'Nigeria', nl: 'Nigeria', fr: 'Nigeria' },
    reason: {
      en: 'faces a prison sentence for protesting against police brutality',
      nl: 'riskeert een gevangenisstraf omdat hij protesteerde tegen politiegeweld',
      fr: 'risque une peine de prison pour avoir manifesté contre les violences policières',
    },
    about: {
      en: 'Imoleayo Michael faces a prison sentence in Nigeria for protesting against police brutality. Protesting against police brutality is a right, not a crime. Letters ask the authorities to protect him and to make sure he is not punished for speaking out.',
      nl: 'Imoleayo Michael riskeert in Nigeria een gevangenisstraf omdat hij protesteerde tegen politiegeweld. Protesteren tegen politiegeweld is een recht, geen misdaad. Brieven vragen de autoriteiten om hem te beschermen en ervoor te zorgen dat hij niet gestraft wordt omdat hij zijn stem liet horen.',
      fr: 'Imoleayo Michael risque une peine de prison au Nigeria pour avoir manifesté contre les violences policières. Manifester contre les violences policières est un droit, pas un crime. Les lettres demandent aux autorités de le protéger et de veiller à ce qu’il ne soit pas puni pour avoir pris la parole.',
    },
    askFor: {
      en: 'The letter asks the authorities of Nigeria to protect Imoleayo Michael and to make sure he is not punished for protesting against police brutality.',
      nl: 'De brief vraagt de Nigeriaanse autoriteiten om Imoleayo Michael te beschermen en ervoor te zorgen dat hij niet gestraft wordt omdat hij protesteerde tegen politiegeweld.',
      fr: 'La lettre demande aux autorités nigérianes de protéger Imoleayo Michael et de veiller à ce qu’il ne soit pas puni pour avoir manifesté contre les violences policières.',
    },
    appealAddressee: null,
    appealAddress: null,
    cardAddress: null,
    cardNote: cardAddressToBeAnnounced,
    sampleLetter: {
      en: 'Dear Sir or Madam,\n\nI study at the Vrije Universiteit Brussel in Belgium, and I am writing to you about Imoleayo Michael, who faces a prison sentence in Nigeria for protesting against police brutality.\n\nEveryone has the right to protest against police brutality, and no one should go to prison for it. Students at my university and people around the world are following his situation closely.\n\nI therefore respectfully ask you to protect the rights of Imoleayo Michael and to make sure that he is not punished for protesting against police brutality.\n\nThank you for your attention to this urgent matter.\n\nYours faithfully,\n\n[your name]',
      nl: 'Geachte heer, mevrouw,\n\nIk studeer aan de Vrije Universiteit Brussel in België en ik schrijf u over Imoleayo Michael, die in Nigeria een gevangenisstraf riskeert omdat hij protesteerde tegen politiegeweld.\n\nIedereen heeft het recht om te protesteren tegen politiegeweld, en niemand zou daarvoor in de gevangenis mogen belanden. Studenten aan mijn universiteit en mensen over de hele wereld volgen zijn situatie op de voet.\n\nDaarom vraag ik u met respect om de rechten van Imoleayo Michael te beschermen en ervoor te zorgen dat hij niet gestraft wordt omdat hij protesteerde tegen politiegeweld.\n\nIk dank u voor de aandacht die u aan deze dringende zaak besteedt.\n\nHoogachtend,\n\n[je naam]',
      fr: 'Madame, Monsieur,\n\nJ’étudie à la Vrije Universiteit Brussel, en Belgique, et je vous écris au sujet d’Imoleayo Michael, qui risque une peine de prison au Nigeria pour avoir manifesté contre les violences policières.\n\nChacun a le droit de manifester contre les violences policières, et personne ne devrait aller en prison pour cela. Des étudiants de mon université et des personnes du monde entier suivent sa situation de près.\n\nJe vous demande donc respectueusement de protéger les droits d’Imoleayo Michael et de veiller à ce qu’il ne soit pas puni pour avoir manifesté contre les violences policières.\n\nJe vous remercie de l’attention que vous porterez à cette affaire urgente.\n\nJe vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.\n\n[votre nom]',
    },
    cardText: {
      en: 'Dear Imoleayo,\nThank you for speaking out against police brutality.\nWe stand with you, from Brussels.',
      nl: 'Beste Imoleayo,\nBedankt dat je je uitspreekt tegen politiegeweld.\nWe staan achter je, vanuit Brussel.',
      fr: 'Cher Imoleayo,\nMerci de vous élever contre les violences policières.\nNous sommes avec vous, depuis Bruxelles.',
    },
    postageNote: internationalStamp,
  },

  'rung-panusaya': {
    name: { en: 'Rung Panusaya', nl: 'Rung Panusaya', fr: 'Rung Panusaya' },
    country: { en: 'Thailand', nl: 'Thailand', fr: 'Thaïlande' },
    reason: {
      en: 'faces life sentence for peaceful protest',
      nl: 'riskeert levenslang voor vreedzaam protest',
      fr: 'risque la prison à vie pour avoir manifesté pacifiquement',
    },
    about: {
      en: 'Rung Panusaya faces a life sentence in Thailand for peaceful protest. Protesting peacefully is a right, and no one should spend their life in prison for it. Letters ask the authorities to protect her right to protest and to make sure she is not punished for it.',
      nl: 'Rung Panusaya riskeert in Thailand levenslang voor vreedzaam protest. Vreedzaam protesteren is een recht, en niemand zou daarvoor zijn leven lang in de gevangenis mogen zitten. Brieven vragen de autoriteiten om haar recht op protest te beschermen en ervoor te zorgen dat ze er niet voor gestraft wordt.',
      fr: 'Rung Panusaya risque la prison à vie en Thaïlande pour avoir manifesté pacifiquement. Manifester pacifiquement est un droit, et personne ne devrait passer sa vie en prison pour cela. Les lettres demandent aux autorités de protéger son droit de manifester et de veiller à ce qu’elle ne soit pas punie pour l’avoir exercé.',
    },
    askFor: {
      en: 'The letter asks the authorities of Thailand to protect Rung Panusaya’s right to protest peacefully, and to make sure she is not imprisoned for exercising it.',
      nl: 'De brief vraagt de Thaise autoriteiten om het recht van Rung Panusaya op vreedzaam protest te beschermen en ervoor te zorgen dat ze daarvoor niet in de gevangenis belandt.',
      fr: 'La lettre demande aux autorités thaïlandaises de protéger le droit de Rung Panusaya de manifester pacifiquement et de veiller à ce qu’elle ne soit pas emprisonnée pour l’avoir exercé.',
    },
    appealAddressee: null,
    appealAddress: null,
    cardAddress: null,
    cardNote: cardAddressToBeAnnounced,
    sampleLetter: {
      en: 'Dear Sir or Madam,\n\nI study at the Vrije Universiteit Brussel in Belgium, and I am writing to you about Rung Panusaya, who faces a life sentence in Thailand for peaceful protest.\n\nEveryone has the right to protest peacefully. No one should spend their life in prison for expressing their views without violence. Students at my university and people around the world are following her situation closely.\n\nI therefore respectfully ask you to protect the right of Rung Panusaya to protest peacefully, and to make sure that she is not imprisoned for exercising it.\n\nThank you for your attention to this urgent matter.\n\nYours faithfully,\n\n[your name]',
      nl: 'Geachte heer, mevrouw,\n\nIk studeer aan de Vrije Universiteit Brussel in België en ik schrijf u over Rung Panusaya, die in Thailand levenslang riskeert voor vreedzaam protest.\n\nIedereen heeft het recht om vreedzaam te protesteren. Niemand zou levenslang in de gevangenis mogen zitten voor vreedzaam protest. Studenten aan mijn universiteit en mensen over de hele wereld volgen haar situatie op de voet.\n\nDaarom vraag ik u met respect om het recht van Rung Panusaya op vreedzaam protest te beschermen en ervoor te zorgen dat ze daarvoor niet in de gevangenis belandt.\n\nIk dank u voor de aandacht die u aan deze dringende zaak besteedt.\n\nHoogachtend,\n\n[je naam]',
      fr: 'Madame, Monsieur,\n\nJ’étudie à la Vrije Universiteit Brussel, en Belgique, et je vous écris au sujet de Rung Panusaya, qui risque la prison à vie en Thaïlande pour avoir manifesté pacifiquement.\n\nChacun a le droit de manifester pacifiquement. Personne ne devrait passer sa vie en prison pour avoir exprimé ses opinions sans violence. Des étudiants de mon université et des personnes du monde entier suivent sa situation de près.\n\nJe vous demande donc respectueusement de protéger le droit de Rung Panusaya de manifester pacifiquement et de veiller à ce qu’elle ne soit pas emprisonnée pour l’avoir exercé.\n\nJe vous remercie de l’attention que vous porterez à cette affaire urgente.\n\nJe vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.\n\n[votre nom]',
    },
    cardText: {
      en: 'Dear Rung,\nThank you for your courage.\nWe support your right to protest peacefully, from Brussels.',
      nl: 'Beste Rung,\nBedankt voor je moed.\nWe steunen je recht op vreedzaam protest, vanuit Brussel.',
      fr: 'Chère Rung,\nMerci pour votre courage.\nNous soutenons votre droit de manifester pacifiquement, depuis Bruxelles.',
    },
    postageNote: internationalStamp,
  },

  'mikita-zalatarou': {
    name: { en: 'Mikita Zalatarou', nl: 'Mikita Zalatarou', fr: 'Mikita Zalatarou' },
    country: { en: 'Belarus', nl: 'Belarus', fr: 'Bélarus' },
    reason: {
      en: 'assaulted and convicted without due process',
      nl: 'mishandeld en veroordeeld zonder eerlijk proces',
      fr: 'agressé et condamné sans procès équitable',
    },
    about: {
      en: 'Mikita Zalatarou was assaulted and convicted in Belarus without due process. Everyone has the right to a fair trial and to be safe from violence. Letters ask the authorities to release him, and cards show Mikita that he is not forgotten.',
      nl: 'Mikita Zalatarou werd in Belarus mishandeld en veroordeeld zonder eerlijk proces. Iedereen heeft recht op een eerlijk proces en op bescherming tegen geweld. Brieven vragen de autoriteiten om hem vrij te laten, en kaarten tonen Mikita dat hij niet vergeten is.',
      fr: 'Mikita Zalatarou a été agressé et condamné au Bélarus sans procès équitable. Chacun a droit à un procès équitable et à être protégé de la violence. Les lettres demandent aux autorités de le libérer, et les cartes montrent à Mikita qu’il n’est pas oublié.',
    },
    askFor: {
      en: 'The letter asks the authorities of Belarus to release Mikita Zalatarou immediately, and to investigate the assault against him.',
      nl: 'De brief vraagt de autoriteiten van Belarus om Mikita Zalatarou onmiddellijk vrij te laten en de mishandeling die hij onderging te onderzoeken.',
      fr: 'La lettre demande aux autorités du Bélarus de libérer Mikita Zalatarou immédiatement et d’enquêter sur l’agression qu’il a subie.',
    },
    appealAddressee: null,
    appealAddress: null,
    cardAddress: null,
    cardNote: cardAddressToBeAnnounced,
    sampleLetter: {
      en: 'Dear Sir or Madam,\n\nI study at the Vrije Universiteit Brussel in Belgium, and I am writing to you about Mikita Zalatarou, who was assaulted and convicted in Belarus without due process.\n\nEveryone has the right to a fair trial and to be protected from violence. A conviction without due process cannot be just. Students at my university and people around the world are following his situation closely.\n\nI therefore respectfully ask you to release Mikita Zalatarou immediately, and to make sure that the assault against him is investigated thoroughly and impartially.\n\nThank you for your attention to this urgent matter.\n\nYours faithfully,\n\n[your name]',
      nl: 'Geachte heer, mevrouw,\n\nIk studeer aan de Vrije Universiteit Brussel in België en ik schrijf u over Mikita Zalatarou, die in Belarus mishandeld en veroordeeld werd zonder eerlijk proces.\n\nIedereen heeft recht op een eerlijk proces en op bescherming tegen geweld. Een veroordeling zonder eerlijk proces kan niet rechtvaardig zijn. Studenten aan mijn universiteit en mensen over de hele wereld volgen zijn situatie op de voet.\n\nDaarom vraag ik u met respect om Mikita Zalatarou onmiddellijk vrij te laten en ervoor te zorgen dat de mishandeling die hij onderging grondig en onpartijdig onderzocht wordt.\n\nIk dank u voor de aandacht die u aan deze dringende zaak besteedt.\n\nHoogachtend,\n\n[je naam]',
      fr: 'Madame, Monsieur,\n\nJ’étudie à la Vrije Universiteit Brussel, en Belgique, et je vous écris au sujet de Mikita Zalatarou, agressé et condamné au Bélarus sans procès équitable.\n\nChacun a droit à un procès équitable et à être protégé de la violence. Une condamnation prononcée sans procès équitable ne peut pas être juste. Des étudiants de mon université et des personnes du monde entier suivent sa situation de près.\n\nJe vous demande donc respectueusement de libérer Mikita Zalatarou immédiatement et de veiller à ce que l’agression qu’il a subie fasse l’objet d’une enquête approfondie et impartiale.\n\nJe vous remercie de l’attention que vous porterez à cette affaire urgente.\n\nJe vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.\n\n[votre nom]',
    },
    cardText: {
      en: 'Dear Mikita,\nYou are not forgotten.\nWe are thinking of you and hope you will soon be free, from Brussels.',
      nl: 'Beste Mikita,\nJe bent niet vergeten.\nWe denken aan je en hopen dat je snel vrij bent, vanuit Brussel.',
      fr: 'Cher Mikita,\nVous n’êtes pas oublié.\nNous pensons à vous et espérons vous savoir bientôt libre, depuis Bruxelles.',
    },
    postageNote: internationalStamp,
  },

  'ciham-ali-ahmed': {
    name: { en: 'Ciham Ali Ahmed', nl: 'Ciham Ali Ahmed', fr: 'Ciham Ali Ahmed' },
    country: { en: 'Eritrea', nl: 'Eritrea', fr: 'Érythrée' },
    reason: {
      en: 'detained in secret',
      nl: 'in het geheim opgesloten',
      fr: 'détenue au secret',
    },
    about: {
      en: 'Ciham Ali Ahmed is detained in secret in Eritrea. Being held in secret puts a person at great risk and leaves the people who love them without answers. Letters ask the authorities to release her and show that she is not forgotten.',
      nl: 'Ciham Ali Ahmed wordt in Eritrea in het geheim opgesloten. Wie in het geheim vastzit, loopt groot gevaar, en de naasten blijven zonder antwoorden achter. Brieven vragen de autoriteiten om haar vrij te laten, en tonen dat ze niet vergeten is.',
      fr: 'Ciham Ali Ahmed est détenue au secret en Érythrée. Une personne détenue au secret court de grands dangers, et ses proches restent sans réponses. Les lettres demandent aux autorités de la libérer, et montrent qu’elle n’est pas oubliée.',
    },
    askFor: {
      en: 'The letter asks the authorities of Eritrea to release Ciham Ali Ahmed and, until then, to say where she is held and let her have contact with her family and a lawyer.',
      nl: 'De brief vraagt de Eritrese autoriteiten om Ciham Ali Ahmed vrij te laten en, tot dan, bekend te maken waar ze vastzit en haar contact te laten hebben met haar familie en een advocaat.',
      fr: 'La lettre demande aux autorités érythréennes de libérer Ciham Ali Ahmed et, d’ici là, de dire où elle est détenue et de lui permettre d’être en contact avec sa famille et un avocat.',
    },
    appealAddressee: null,
    appealAddress: null,
    cardAddress: null,
    cardNote: cardAddressToBeAnnounced,
    sampleLetter: {
      en: 'Dear Sir or Madam,\n\nI study at the Vrije Universiteit Brussel in Belgium, and I am writing to you about Ciham Ali Ahmed, who is detained in secret in Eritrea.\n\nNo one should be held in secret. Every person deprived of their liberty has the right to see a lawyer and to be in contact with their family. Students at my university and people around the world are following her situation closely.\n\nI therefore respectfully ask you to release Ciham Ali Ahmed and, until then, to make known where she is held and to allow her contact with her family and a lawyer.\n\nThank you for your attention to this urgent matter.\n\nYours faithfully,\n\n[your name]',
      nl: 'Geachte heer, mevrouw,\n\nIk studeer aan de Vrije Universiteit Brussel in België en ik schrijf u over Ciham Ali Ahmed, die in Eritrea in het geheim vastgehouden wordt.\n\nNiemand zou in het geheim vastgehouden mogen worden. Wie van zijn vrijheid beroofd is, heeft recht op een advocaat en op contact met zijn familie. Studenten aan mijn universiteit en mensen over de hele wereld volgen haar situatie op de voet.\n\nDaarom vraag ik u met respect om Ciham Ali Ahmed vrij te laten en, tot dan, bekend te maken waar ze vastgehouden wordt en haar contact te laten hebben met haar familie en een advocaat.\n\nIk dank u voor de aandacht die u aan deze dringende zaak besteedt.\n\nHoogachtend,\n\n[je naam]',
      fr: 'Madame, Monsieur,\n\nJ’étudie à la Vrije Universiteit Brussel, en Belgique, et je vous écris au sujet de Ciham Ali Ahmed, détenue au secret en Érythrée.\n\nPersonne ne devrait être détenu au secret. Toute personne privée de liberté a le droit de voir un avocat et d’être en contact avec sa famille. Des étudiants de mon université et des personnes du monde entier suivent sa situation de près.\n\nJe vous demande donc respectueusement de libérer Ciham Ali Ahmed et, d’ici là, de faire savoir où elle est détenue et de lui permettre d’être en contact avec sa famille et un avocat.\n\nJe vous remercie de l’attention que vous porterez à cette affaire urgente.\n\nJe vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération.\n\n[votre nom]',
    },
    cardText: {
      en: 'Dear Ciham,\nYou are not forgotten.\nWe are thinking of you, from Brussels.',
      nl: 'Beste Ciham,\nJe bent niet vergeten.\nWe denken aan je, vanuit Brussel.',
      fr: 'Chère Ciham,\nVous n’êtes pas oubliée.\nNous pensons à vous, depuis Bruxelles.',
    },
    postageNote: internationalStamp,
  },
};

export const eventContent: { title: Localised; location: Localised } = {
  title: {
    en: 'Human Rights Day writing evening',
    nl: 'Schrijfavond op de Dag van de Mensenrechten',
    fr: 'Soirée d’écriture de la Journée des droits humains',
  },
  location: {
    en: 'Main campus Etterbeek, building D, hall D.0.03',
    nl: 'Hoofdcampus Etterbeek, gebouw D, zaal D.0.03',
    fr: 'Campus principal d’Etterbeek, bâtiment D, salle D.0.03',
  },
};

/** Dutch: the VUB's own names of its faculties, without "Faculteit" as the English leave out "Faculty". */
export const facultyContent: Record<string, { name: Localised }> = {
  'arts-philosophy': {
    name: { en: 'Arts and Philosophy', nl: 'Letteren en Wijsbegeerte', fr: 'Lettres et Philosophie' },
  },
  'law-criminology': {
    name: { en: 'Law and Criminology', nl: 'Recht en Criminologie', fr: 'Droit et Criminologie' },
  },
  'social-sciences-solvay': {
    name: {
      en: 'Social Sciences and Solvay Business School',
      nl: 'Sociale Wetenschappen & Solvay Business School',
      fr: 'Sciences sociales et Solvay Business School',
    },
  },
  'sciences-bioengineering': {
    name: {
      en: 'Sciences and Bioengineering Sciences',
      nl: 'Wetenschappen en Bio-ingenieurswetenschappen',
      fr: 'Sciences et Bio-ingénierie',
    },
  },
  engineering: {
    name: { en: 'Engineering', nl: 'Ingenieurswetenschappen', fr: 'Sciences de l’ingénieur' },
  },
  'medicine-pharmacy': {
    name: { en: 'Medicine and Pharmacy', nl: 'Geneeskunde en Farmacie', fr: 'Médecine et Pharmacie' },
  },
  'psychology-education': {
    name: {
      en: 'Psychology and Educational Sciences',
      nl: 'Psychologie en Educatiewetenschappen',
      fr: 'Psychologie et Sciences de l’éducation',
    },
  },
  'physical-education-physiotherapy': {
    name: {
      en: 'Physical Education and Physiotherapy',
      nl: 'Lichamelijke Opvoeding en Kinesitherapie',
      fr: 'Éducation physique et Kinésithérapie',
    },
  },
};

export const pickupPointContent: Record<string, { name: Localised; details: Localised }> = {
  'etterbeek-student-hub': {
    name: {
      en: 'Student Hub, main campus Etterbeek (building Y)',
      nl: 'Student Hub, hoofdcampus Etterbeek (gebouw Y)',
      fr: 'Student Hub, campus principal d’Etterbeek (bâtiment Y)',
    },
    details: {
      en: 'Weekdays 10:00 to 16:00',
      nl: 'Op weekdagen van 10.00 tot 16.00 uur',
      fr: 'En semaine, de 10 h à 16 h',
    },
  },
  'jette-library': {
    name: {
      en: 'Library desk, health campus Jette',
      nl: 'Balie van de bibliotheek, gezondheidscampus Jette',
      fr: 'Accueil de la bibliothèque, campus santé de Jette',
    },
    details: {
      en: 'Weekdays 9:00 to 17:00',
      nl: 'Op weekdagen van 9.00 tot 17.00 uur',
      fr: 'En semaine, de 9 h à 17 h',
    },
  },
};
