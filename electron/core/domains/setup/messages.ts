import type { DomainMessages } from '../define';

/** The setup domain's texts, Spanish first: the message of each error code it raises. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    errors: {
      'setup.already-done': 'Este puesto ya está configurado.',
    },
  },
  en: {
    errors: {
      'setup.already-done': 'This workstation is already set up.',
    },
  },
};
