import type { DomainMessages } from '../define';

/** The drafts domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'drafts.get': "Consultar un borrador propio",
      'drafts.save': "Guardar un borrador propio",
      'drafts.discard': "Descartar un borrador propio",
    },
    errors: {},
  },
  en: {
    methods: {
      'drafts.get': "Read one's own draft",
      'drafts.save': "Save one's own draft",
      'drafts.discard': "Discard one's own draft",
    },
    errors: {},
  },
};
