import type { DomainMessages } from '../define';

/** The audit domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'audit.list': 'Consultar auditoría',
      'audit.verify': 'Verificar auditoría',
    },
    errors: {},
  },
  en: {
    methods: {
      'audit.list': 'Read audit log',
      'audit.verify': 'Verify audit log',
    },
    errors: {},
  },
};
