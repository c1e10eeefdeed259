import type { DomainMessages } from '../define';

/** The screening domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'screening.get': "Leer un tamizaje guardado (respuestas y notas)",
      'screening.notifyPsychology': "Avisar a psicología de un tamizaje",
      'screening.notices': "Consultar avisos de tamizaje a psicología",
      'screening.form': 'Abrir entrevista de vulnerabilidades',
      'screening.evaluate': 'Calcular prioridad (sin guardar)',
      'screening.record': 'Registrar tamizaje de vulnerabilidades',
      'screening.override': 'Cambiar prioridad de un tamizaje',
      'screening.attend': 'Registrar atención de un tamizaje',
      'screening.history': 'Consultar tamizajes de una persona',
      'screening.queue': 'Consultar cola de tamizajes y plazos',
      'screening.rules': 'Consultar reglas del semáforo',
      'screening.previewRules': 'Vista previa de reglas del semáforo',
      'screening.saveRules': 'Guardar versión de reglas del semáforo',
    },
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
    methods: {
      'screening.get': "Read a saved screening (answers and notes)",
      'screening.notifyPsychology': "Tell psychology about a screening",
      'screening.notices': "View screening notices for psychology",
      'screening.form': 'Open vulnerability interview',
      'screening.evaluate': 'Compute priority (not saved)',
      'screening.record': 'Record vulnerability screening',
      'screening.override': 'Change the priority of a screening',
      'screening.attend': 'Record attention for a screening',
      'screening.history': 'View a person’s screenings',
      'screening.queue': 'View screening queue and deadlines',
      'screening.rules': 'View traffic-light rules',
      'screening.previewRules': 'Preview traffic-light rules',
      'screening.saveRules': 'Save a version of the traffic-light rules',
    },
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
