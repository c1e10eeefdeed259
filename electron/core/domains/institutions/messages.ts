import type { DomainMessages } from '../define';

/** The institutions domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'institutions.list': 'Consultar directorio de instituciones',
      'institutions.create': 'Agregar institución',
      'institutions.update': 'Editar institución',
    },
    errors: {
      'institutions.not-found': 'No existe esa institución en el directorio.',
      'institutions.unknown': 'La institución no está en el directorio o ya no está activa.',
      'institutions.code-taken': 'Ya hay una institución con la sigla {{code}}.',
    },
  },
  en: {
    methods: {
      'institutions.list': 'View directory of institutions',
      'institutions.create': 'Add institution',
      'institutions.update': 'Edit institution',
    },
    errors: {
      'institutions.not-found': 'There is no such institution in the directory.',
      'institutions.unknown': 'The institution is not in the directory or is no longer active.',
      'institutions.code-taken': 'There is already an institution with the short name {{code}}.',
    },
  },
};
