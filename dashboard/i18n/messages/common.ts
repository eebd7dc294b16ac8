/** Strings shared by every screen. */
export const common = {
  en: {
    common: {
      appName: 'Write for Rights',
      pageTitle: '{page} · Write for Rights',
      language: 'Language',
      loading: 'Loading…',
    },
  },
  nl: {
    common: {
      appName: 'Write for Rights',
      pageTitle: '{page} · Write for Rights',
      language: 'Taal',
      loading: 'Laden…',
    },
  },
  fr: {
    common: {
      appName: 'Write for Rights',
      pageTitle: '{page} · Write for Rights',
      language: 'Langue',
      loading: 'Chargement…',
    },
  },
};
