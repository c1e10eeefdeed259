import type { DomainMessages } from '../define';

/** The arrivals domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'arrivals.create': 'Crear arribo',
      'arrivals.list': 'Listar arribos',
      'arrivals.get': 'Consultar arribo',
      'arrivals.checkIn': 'Marcar llegada',
      'arrivals.close': 'Cerrar arribo',
    },
    errors: {
      'arrivals.not-found': 'No se encontró el arribo.',
      'arrivals.closed': 'El arribo ya está cerrado.',
      'checkin.not-found': 'No hay ninguna persona con ese código en este arribo.',
      'checkin.already': '{{name}} ya fue marcada como llegada a las {{time}}.',
    },
  },
  en: {
    methods: {
      'arrivals.create': 'Create arrival',
      'arrivals.list': 'List arrivals',
      'arrivals.get': 'View arrival',
      'arrivals.checkIn': 'Check in',
      'arrivals.close': 'Close arrival',
    },
    errors: {
      'arrivals.not-found': 'Arrival not found.',
      'arrivals.closed': 'The arrival is already closed.',
      'checkin.not-found': 'Nobody with that code in this arrival.',
      'checkin.already': '{{name}} was already checked in at {{time}}.',
    },
  },
};
