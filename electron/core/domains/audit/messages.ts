import type { DomainMessages } from '../define';

/** The audit domain's texts, Spanish first: the message of each error code it raises. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    errors: {},
  },
  en: {
    errors: {},
  },
};
