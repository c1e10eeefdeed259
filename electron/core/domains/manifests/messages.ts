import type { DomainMessages } from '../define';

/** The manifests domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'manifests.preview': 'Revisar manifiesto',
      'manifests.import': 'Importar manifiesto',
      'manifests.progress': 'Consultar avance de importación',
      'manifests.imports': "Ver las importaciones de manifiesto de un arribo",
      'manifests.undo': "Deshacer una importación de manifiesto",
    },
    errors: {
      'manifest.invalid': 'El manifiesto tiene {{count}} errores; no se importó ninguna fila. Corrija el archivo y vuelva a intentarlo.',
      'manifest.import-not-found': 'No existe esa importación de manifiesto.',
      'manifest.undone-already': 'Esa importación ya fue deshecha.',
      'manifest.undo-too-late': 'Ya no se puede deshacer: hay personas de este manifiesto que ya llegaron o tienen registros (registro, consentimiento, alertas, tamizaje o kits): {{count}}.',
    },
  },
  en: {
    methods: {
      'manifests.preview': 'Preview manifest',
      'manifests.import': 'Import manifest',
      'manifests.progress': 'Check import progress',
      'manifests.imports': "View the manifest imports of an arrival",
      'manifests.undo': "Undo a manifest import",
    },
    errors: {
      'manifest.invalid': 'The manifest has {{count}} errors; no row was imported. Fix the file and try again.',
      'manifest.import-not-found': 'There is no such manifest import.',
      'manifest.undone-already': 'That import has already been undone.',
      'manifest.undo-too-late': 'It can no longer be undone: people of this manifest have arrived or have records (registration, consent, alerts, screening or kits): {{count}}.',
    },
  },
};
