import type { DomainMessages } from '../define';

/** The alerts domain's texts, Spanish first: the message of each error code it raises. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
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
