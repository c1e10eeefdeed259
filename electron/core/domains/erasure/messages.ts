import type { DomainMessages } from '../define';

/** The erasure domain's texts, Spanish first. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: { 'erasure.erase': 'Borrar los datos personales de una persona', 'erasure.status': 'Consultar si los datos de una persona fueron borrados', 'erasure.retain': 'Anonimizar los casos cerrados hace más del plazo de conservación' },
    errors: {
      'erasure.not-found': 'No existe esa persona.',
      'erasure.already': 'Los datos personales de esta persona ya fueron borrados.',
    },
  },
  en: {
    methods: { 'erasure.erase': "Erase a person's personal data", 'erasure.status': "Check whether a person's data were erased", 'erasure.retain': 'Anonymise cases closed longer ago than the retention period' },
    errors: {
      'erasure.not-found': 'That person does not exist.',
      'erasure.already': "This person's personal data were already erased.",
    },
  },
};
