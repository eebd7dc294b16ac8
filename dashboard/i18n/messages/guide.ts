/** The letter-writing guide (/guide): how to write an appeal letter that is read, and post it. */
export const guide = {
  en: {
    guide: {
      title: 'How to write a good letter',
      intro: 'An appeal letter is read by an official who decides, or advises, on a person’s fate. A short, polite, handwritten letter that asks for one clear thing is the one that works.',
      sections: {
        address: {
          title: 'Address it properly',
          text: 'Write to the person named on the case page, with their title (“Dear Minister”), and copy the postal address exactly as it is given: it is written the way the destination country’s post reads it. Where the page says “to be announced”, wait for the address before you post.',
        },
        polite: {
          title: 'Be polite',
          text: 'Write with respect, even if you are angry. Do not insult the authorities or the country; say that you follow the case with concern. A respectful letter is read to the end and passed on.',
        },
        specific: {
          title: 'Be specific',
          text: 'Name the person and ask for what the case page asks: a release, protection, a fair trial, a change in the law. One or two clear requests are stronger than a long list. Say who you are: a student in Brussels, Belgium.',
        },
        sign: {
          title: 'Sign it',
          text: 'Sign with your name. Your address is up to you: a letter from a real person carries weight, but you never have to give more than you want.',
        },
        post: {
          title: 'Post it',
          text: 'Put the letter in an envelope with the address on the front and your own (or the university’s) on the back. Post it yourself, or leave it at the writing table: the organisers post the letters together.',
        },
        stamp: {
          title: 'The stamp',
          text: 'A letter abroad needs an international stamp: ask the post office for one for the destination country (Europe or the rest of the world), for a letter up to 50 g. The case page’s postage note says what that case’s letters and cards need.',
        },
        card: {
          title: 'Solidarity cards',
          text: 'A card to the person at risk or their family says: you are not forgotten. Keep it short and warm, do not write about politics or the case itself, and sign with your first name only.',
        },
      },
      toCases: 'Choose someone to write for',
      back: 'Back',
    },
  },
  nl: {
    guide: {
      title: 'Zo schrijf je een goede brief',
      intro: 'Een appelbrief wordt gelezen door een ambtenaar die beslist, of advies geeft, over het lot van een persoon. Een korte, beleefde, handgeschreven brief die om één duidelijk ding vraagt, werkt het best.',
      sections: {
        address: {
          title: 'Adresseer hem goed',
          text: 'Schrijf naar de persoon die op de pagina van het dossier staat, met zijn of haar titel (“Geachte minister”), en neem het postadres precies over zoals het er staat: het is geschreven zoals de post van het land van bestemming het leest. Staat er “volgt nog”, wacht dan op het adres voor je hem verstuurt.',
        },
        polite: {
          title: 'Blijf beleefd',
          text: 'Schrijf met respect, ook als je boos bent. Beledig de autoriteiten of het land niet; zeg dat je het dossier met bezorgdheid volgt. Een respectvolle brief wordt tot het einde gelezen en doorgegeven.',
        },
        specific: {
          title: 'Wees concreet',
          text: 'Noem de persoon bij naam en vraag wat de pagina van het dossier vraagt: vrijlating, bescherming, een eerlijk proces, een andere wet. Eén of twee duidelijke vragen zijn sterker dan een lange lijst. Zeg wie je bent: een student in Brussel, België.',
        },
        sign: {
          title: 'Onderteken hem',
          text: 'Onderteken met je naam. Je adres vermelden kies je zelf: een brief van een echte persoon weegt door, maar je hoeft nooit meer te geven dan je wilt.',
        },
        post: {
          title: 'Verstuur hem',
          text: 'Steek de brief in een envelop met het adres op de voorkant en je eigen adres (of dat van de universiteit) op de achterkant. Post hem zelf, of laat hem achter aan de schrijftafel: de organisatoren versturen de brieven samen.',
        },
        stamp: {
          title: 'De postzegel',
          text: 'Een brief naar het buitenland heeft een internationale postzegel nodig: vraag op het postkantoor naar een zegel voor het land van bestemming (Europa of de rest van de wereld), voor een brief tot 50 g. De frankering op de pagina van het dossier zegt wat de brieven en kaarten van dat dossier nodig hebben.',
        },
        card: {
          title: 'Solidariteitskaarten',
          text: 'Een kaart aan de persoon in gevaar of aan de familie zegt: je bent niet vergeten. Houd hem kort en warm, schrijf niet over politiek of over het dossier zelf, en onderteken alleen met je voornaam.',
        },
      },
      toCases: 'Kies voor wie je schrijft',
      back: 'Terug',
    },
  },
  fr: {
    guide: {
      title: 'Comment écrire une bonne lettre',
      intro: 'Une lettre d’appel est lue par un responsable qui décide, ou conseille, du sort d’une personne. Une lettre courte, polie, écrite à la main et qui demande une chose claire est celle qui fonctionne.',
      sections: {
        address: {
          title: 'Bien l’adresser',
          text: 'Écrivez à la personne indiquée sur la page du cas, avec son titre (« Monsieur le Ministre », « Madame la Ministre »), et recopiez l’adresse postale exactement comme elle est donnée : elle est écrite comme la poste du pays de destination la lit. Là où la page indique « à venir », attendez l’adresse avant de poster.',
        },
        polite: {
          title: 'Rester poli',
          text: 'Écrivez avec respect, même si vous êtes en colère. N’insultez ni les autorités ni le pays ; dites que vous suivez le cas avec inquiétude. Une lettre respectueuse est lue jusqu’au bout et transmise.',
        },
        specific: {
          title: 'Être précis',
          text: 'Nommez la personne et demandez ce que demande la page du cas : une libération, une protection, un procès équitable, un changement de loi. Une ou deux demandes claires valent mieux qu’une longue liste. Dites qui vous êtes : un étudiant ou une étudiante à Bruxelles, en Belgique.',
        },
        sign: {
          title: 'La signer',
          text: 'Signez de votre nom. Indiquer votre adresse est votre choix : une lettre d’une vraie personne a du poids, mais vous n’avez jamais à donner plus que vous ne voulez.',
        },
        post: {
          title: 'La poster',
          text: 'Mettez la lettre dans une enveloppe, l’adresse au recto et la vôtre (ou celle de l’université) au verso. Postez-la vous-même, ou laissez-la à la table d’écriture : les organisateurs postent les lettres ensemble.',
        },
        stamp: {
          title: 'Le timbre',
          text: 'Une lettre vers l’étranger demande un timbre international : demandez à la poste un timbre pour le pays de destination (Europe ou reste du monde), pour une lettre jusqu’à 50 g. La note d’affranchissement de la page du cas dit ce que demandent les lettres et les cartes de ce cas.',
        },
        card: {
          title: 'Les cartes de solidarité',
          text: 'Une carte à la personne en danger ou à sa famille dit : vous n’êtes pas oubliés. Restez bref et chaleureux, n’écrivez ni sur la politique ni sur le cas lui-même, et signez de votre seul prénom.',
        },
      },
      toCases: 'Choisir pour qui écrire',
      back: 'Retour',
    },
  },
};
