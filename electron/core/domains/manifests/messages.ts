import type { DomainMessages } from '../define';

/** The manifests domain's texts, Spanish first: the message of each error code it raises. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    errors: {
      'manifest.invalid': 'El manifiesto tiene {{count}} errores; no se importó ninguna fila. Corrija el archivo y vuelva a intentarlo.',
      'manifest.import-not-found': 'No existe esa importación de manifiesto.',
      'manifest.undone-already': 'Esa importación ya fue deshecha.',
      'manifest.undo-too-late': 'Ya no se puede deshacer: hay personas de este manifiesto que ya llegaron o tienen registros (registro, consentimiento, alertas, tamizaje o kits): {{count}}.',
    },
  },
  en: {
    errors: {
      'manifest.invalid': 'The manifest has {{count}} errors; no row was imported. Fix the file and try again.',
      'manifest.import-not-found': 'There is no such manifest import.',
      'manifest.undone-already': 'That import has already been undone.',
      'manifest.undo-too-late': 'It can no longer be undone: people of this manifest have arrived or have records (registration, consent, alerts, screening or kits): {{count}}.',
    },
  },
};
