import type { DomainMessages } from '../define';

/** The setup domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'setup.status': 'Consultar estado del puesto',
      'setup.init': 'Configuración inicial',
      'setup.join': 'Unir un puesto nuevo a un centro',
    },
    errors: {
      'setup.already-done': 'Este puesto ya está configurado.',
    },
  },
  en: {
    methods: {
      'setup.status': 'Read workstation status',
      'setup.init': 'First-run setup',
      'setup.join': 'Join a new desk to a centre',
    },
    errors: {
      'setup.already-done': 'This workstation is already set up.',
    },
  },
};
