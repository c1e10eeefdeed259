import type { DomainMessages } from '../define';

/** The arrivals domain's texts, Spanish first: the message of each error code it raises. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    errors: {
      'arrivals.not-found': 'No se encontró el arribo.',
      'arrivals.closed': 'El arribo ya está cerrado.',
      'checkin.not-found': 'No hay ninguna persona con ese código en este arribo.',
      'checkin.already': '{{name}} ya fue marcada como llegada a las {{time}}.',
    },
  },
  en: {
    errors: {
      'arrivals.not-found': 'Arrival not found.',
      'arrivals.closed': 'The arrival is already closed.',
      'checkin.not-found': 'Nobody with that code in this arrival.',
      'checkin.already': '{{name}} was already checked in at {{time}}.',
    },
  },
};
