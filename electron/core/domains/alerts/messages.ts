import type { DomainMessages } from '../define';

/** The alerts domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'alerts.import': 'Importar lista de alerta',
      'alerts.lists': 'Consultar listas de alerta',
      'alerts.checkArrival': 'Verificar un arribo contra las listas',
      'alerts.checkFile': 'Verificar un archivo de personas contra las listas',
      'alerts.queue': 'Consultar la revisión de alertas',
      'alerts.decide': 'Decidir una posible coincidencia',
      'alerts.status': 'Consultar estado de verificación',
      'alerts.hold': 'Consultar una retención',
      'alerts.resolveHold': 'Registrar entrega o liberación de una persona retenida',
    },
    errors: {
      'alerts.invalid': 'El archivo tiene {{count}} errores; no se cambió nada.',
      'alerts.not-found': 'No existe esa posible coincidencia.',
      'alerts.decided': 'Esta posible coincidencia ya fue decidida.',
      'alerts.on-hold': 'Retenido — consulte a verificación. La salida solo la registra la oficial de verificación o la coordinación (entrega a la autoridad o liberación).',
      'alerts.not-on-hold': 'Esta persona no está retenida.',
      'alerts.hold-future': 'La hora de la entrega o liberación no puede ser posterior a ahora.',
    },
  },
  en: {
    methods: {
      'alerts.import': 'Import alert list',
      'alerts.lists': 'View alert lists',
      'alerts.checkArrival': 'Check an arrival against the lists',
      'alerts.checkFile': 'Check a file of people against the lists',
      'alerts.queue': 'View the alert review',
      'alerts.decide': 'Decide a possible match',
      'alerts.status': 'View check status',
      'alerts.hold': 'View a hold',
      'alerts.resolveHold': 'Record the hand-over or release of a person on hold',
    },
    errors: {
      'alerts.invalid': 'The file has {{count}} errors; nothing was changed.',
      'alerts.not-found': 'There is no such possible match.',
      'alerts.decided': 'This possible match has already been decided.',
      'alerts.on-hold': 'On hold — ask the alert officer. Only the alert officer or the manager records how the person leaves (hand-over to the authorities or release).',
      'alerts.not-on-hold': 'This person is not on hold.',
      'alerts.hold-future': 'The time of the hand-over or release cannot be later than now.',
    },
  },
};
