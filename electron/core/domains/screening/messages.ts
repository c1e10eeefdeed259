import type { DomainMessages } from '../define';

/** The screening domain's texts, Spanish first: the message of each error code it raises. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    errors: {
      'screening.not-found': 'No existe ese tamizaje.',
      'screening.invalid-answers': 'Hay {{count}} respuestas no válidas: {{summary}}',
      'screening.unknown-indicator': 'Indicador desconocido: {{indicators}}.',
      'screening.same-level': 'El tamizaje ya tiene ese nivel de prioridad.',
      'screening.attended': 'La atención de este tamizaje ya fue registrada.',
      'screening.already-notified': 'Psicología ya fue avisada de este tamizaje (por {{by}}).',
      'screening.protection-not-green': 'Es un caso de protección (alerta de persona desaparecida confirmada): no puede quedar en verde.',
    },
  },
  en: {
    errors: {
      'screening.not-found': 'There is no such screening.',
      'screening.invalid-answers': 'There are {{count}} invalid answers: {{summary}}',
      'screening.unknown-indicator': 'Unknown indicator: {{indicators}}.',
      'screening.same-level': 'The screening already has that priority level.',
      'screening.attended': 'The attention for this screening has already been recorded.',
      'screening.already-notified': 'Psychology has already been told about this screening (by {{by}}).',
      'screening.protection-not-green': 'This is a protection case (a confirmed missing-person alert): it cannot be green.',
    },
  },
};
