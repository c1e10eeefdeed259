import type { DomainMessages } from '../define';

/** The persons domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'persons.register': 'Registrar persona',
      'persons.get': 'Consultar expediente',
      'persons.search': 'Buscar personas',
      'persons.link': 'Unir llegada a persona existente',
      'persons.dismissSuggestion': 'Descartar posible retornado anterior',
      'persons.merge': 'Unir expedientes',
      'persons.unmerge': 'Deshacer unión de expedientes',
      'persons.certificate': 'Emitir constancia',
    },
    errors: {
      'persons.not-found': 'No se encontró a la persona.',
      'persons.merged': 'Este expediente fue unido a otro ({{caseNumber}}).',
      'persons.same': 'No se puede unir un expediente consigo mismo.',
      'suggestions.not-found': 'No se encontró la sugerencia.',
      'suggestions.decided': 'Esta sugerencia ya fue resuelta.',
      'merges.not-found': 'No se encontró la unión de expedientes.',
      'merges.undone': 'Esta unión ya fue deshecha.',
      'birth-date.future': 'La fecha de nacimiento no puede ser futura.',
    },
  },
  en: {
    methods: {
      'persons.register': 'Register person',
      'persons.get': 'View case file',
      'persons.search': 'Search persons',
      'persons.link': 'Link arrival to existing person',
      'persons.dismissSuggestion': 'Dismiss possible repeat returnee',
      'persons.merge': 'Merge case files',
      'persons.unmerge': 'Undo case-file merge',
      'persons.certificate': 'Issue certificate',
    },
    errors: {
      'persons.not-found': 'Person not found.',
      'persons.merged': 'This record was merged into another ({{caseNumber}}).',
      'persons.same': 'A record cannot be merged with itself.',
      'suggestions.not-found': 'Suggestion not found.',
      'suggestions.decided': 'This suggestion was already decided.',
      'merges.not-found': 'Merge not found.',
      'merges.undone': 'This merge was already undone.',
      'birth-date.future': 'The birth date cannot be in the future.',
    },
  },
};
