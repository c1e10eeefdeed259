import type { DomainMessages } from '../define';

/** The consent domain's texts, Spanish first: the message of each error code it raises. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    errors: {},
  },
  en: {
    errors: {},
  },
};
