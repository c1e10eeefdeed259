import type { DomainMessages } from '../define';

/** The names domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'names.list': 'Ver nombres y apodos',
      'names.save': 'Guardar nombre o apodo',
      'names.remove': 'Quitar nombre o apodo del centro',
      'names.setActive': 'Activar o desactivar nombre incluido',
    },
    errors: {
      'names.not-found': 'No hay ninguna entrada del centro con la forma «{{written}}».',
      'names.not-shipped': '«{{written}}» no es una entrada incluida con Acogida: las del centro se quitan, no se desactivan.',
    },
  },
  en: {
    methods: {
      'names.list': 'View names and nicknames',
      'names.save': 'Save a name or nickname',
      'names.remove': 'Remove a centre name or nickname',
      'names.setActive': 'Switch a shipped name on or off',
    },
    errors: {
      'names.not-found': 'There is no centre entry written «{{written}}».',
      'names.not-shipped': '«{{written}}» is not an entry shipped with Acogida: centre entries are removed, not switched off.',
    },
  },
};
