/** Strings of the case pages (/cases/:slug). The case texts themselves come from the server. */
export const cases = {
  en: {
    cases: {
      back: 'Back to the pledge form',
      about: 'Who is {name}?',
      askTitle: 'What your letter asks',
      ask: {
        RELEASE: 'Your appeal letter asks the authorities to release {name} immediately and unconditionally.',
        PROTECT: 'Your appeal letter asks the authorities to protect {name} and to bring those responsible to justice.',
        CHANGE_LAW: 'Your appeal letter asks the authorities to change the discriminatory law that puts {name} at risk.',
      },
      mailTitle: 'Where to send',
      appealAddress: 'Appeal letters',
      cardAddress: 'Solidarity cards for {name}',
      pledge: 'I wrote for {name}: count it',
      notFound: 'This case does not exist.',
      loadFailed: 'This page could not be loaded. Check your connection.',
      tryAgain: 'Try again',
    },
  },
  nl: {
    cases: {
      back: 'Terug naar het formulier',
      about: 'Wie is {name}?',
      askTitle: 'Wat je brief vraagt',
      ask: {
        RELEASE: 'Je appelbrief vraagt de autoriteiten om {name} onmiddellijk en onvoorwaardelijk vrij te laten.',
        PROTECT: 'Je appelbrief vraagt de autoriteiten om {name} te beschermen en de verantwoordelijken te berechten.',
        CHANGE_LAW: 'Je appelbrief vraagt de autoriteiten om de discriminerende wet te veranderen die {name} in gevaar brengt.',
      },
      mailTitle: 'Waar naartoe sturen',
      appealAddress: 'Appelbrieven',
      cardAddress: 'Solidariteitskaarten voor {name}',
      pledge: 'Ik schreef voor {name}: tel het mee',
      notFound: 'Dit geval bestaat niet.',
      loadFailed: 'Deze pagina kon niet worden geladen. Controleer je verbinding.',
      tryAgain: 'Opnieuw proberen',
    },
  },
  fr: {
    cases: {
      back: 'Retour au formulaire',
      about: 'Qui est {name} ?',
      askTitle: 'Ce que demande votre lettre',
      ask: {
        RELEASE: 'Votre lettre d’appel demande aux autorités de libérer {name} immédiatement et sans condition.',
        PROTECT: 'Votre lettre d’appel demande aux autorités de protéger {name} et de traduire les responsables en justice.',
        CHANGE_LAW: 'Votre lettre d’appel demande aux autorités de changer la loi discriminatoire qui met {name} en danger.',
      },
      mailTitle: 'Où envoyer',
      appealAddress: 'Lettres d’appel',
      cardAddress: 'Cartes de solidarité pour {name}',
      pledge: 'J’ai écrit pour {name} : le compter',
      notFound: 'Ce cas n’existe pas.',
      loadFailed: 'Cette page n’a pas pu être chargée. Vérifiez votre connexion.',
      tryAgain: 'Réessayer',
    },
  },
};
