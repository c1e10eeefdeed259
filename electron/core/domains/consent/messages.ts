import type { DomainMessages } from '../define';

/** The consent domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'consent.record': 'Registrar consentimiento',
      'consent.withdraw': 'Retirar consentimiento',
      'consent.status': 'Consultar consentimiento',
    },
    errors: {},
  },
  en: {
    methods: {
      'consent.record': 'Record consent',
      'consent.withdraw': 'Withdraw consent',
      'consent.status': 'View consent',
    },
    errors: {},
  },
};
