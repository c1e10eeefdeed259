import type { DomainMessages } from '../define';

/** The settings domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'settings.get': 'Consultar configuración',
      'settings.update': 'Cambiar configuración',
    },
    errors: {},
  },
  en: {
    methods: {
      'settings.get': 'Read settings',
      'settings.update': 'Change settings',
    },
    errors: {},
  },
};
