import type { DomainMessages } from '../define';

/** The names domain's texts, Spanish first: the message of each error code it raises. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    errors: {
      'names.not-found': 'No hay ninguna entrada del centro con la forma «{{written}}».',
      'names.not-shipped': '«{{written}}» no es una entrada incluida con Acogida: las del centro se quitan, no se desactivan.',
    },
  },
  en: {
    errors: {
      'names.not-found': 'There is no centre entry written «{{written}}».',
      'names.not-shipped': '«{{written}}» is not an entry shipped with Acogida: centre entries are removed, not switched off.',
    },
  },
};
