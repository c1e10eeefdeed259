import type { DomainMessages } from '../define';

/** The flow domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'flow.board': 'Consultar tablero de flujo',
      'flow.depart': 'Registrar salida',
    },
    errors: {},
  },
  en: {
    methods: {
      'flow.board': 'View flow board',
      'flow.depart': 'Record departure',
    },
    errors: {},
  },
};
