import type { DomainMessages } from '../define';

/** The referrals domain's texts, Spanish first: each method's name (the audit viewer shows it) and each error's message. */
export const messages: { es: DomainMessages; en: DomainMessages } = {
  es: {
    methods: {
      'referrals.needs': 'Consultar necesidades expresadas',
      'referrals.recordNeeds': 'Registrar necesidades expresadas',
      'referrals.proposals': 'Consultar derivaciones propuestas',
      'referrals.worklist': 'Consultar lista de derivaciones',
      'referrals.create': 'Crear derivación',
      'referrals.dismiss': 'Descartar derivación propuesta',
      'referrals.advance': 'Registrar paso de una derivación',
      'referrals.ofPerson': 'Consultar derivaciones de una persona',
      'referrals.slip': 'Generar ficha de derivación',
      'referrals.list': 'Listar derivaciones',
    },
    errors: {
      'referrals.not-found': 'No existe esa derivación.',
      'referrals.institution-not-found': 'La institución {{code}} no está en el directorio. Agréguela en «Instituciones».',
      'referrals.institution-inactive': 'La institución {{code}} está desactivada en el directorio.',
      'referrals.bad-step': 'Una derivación «{{from}}» no puede pasar a «{{to}}».',
      'referrals.no-consent': 'La persona no aceptó compartir sus datos con {{code}}. Registre su consentimiento en el expediente (Actualizar consentimiento) antes de imprimir la ficha.',
      'referrals.duplicate': 'Ya hay una derivación abierta a {{code}} por ese servicio.',
    },
  },
  en: {
    methods: {
      'referrals.needs': 'View expressed needs',
      'referrals.recordNeeds': 'Record expressed needs',
      'referrals.proposals': 'View proposed referrals',
      'referrals.worklist': 'View the referrals worklist',
      'referrals.create': 'Create a referral',
      'referrals.dismiss': 'Dismiss a proposed referral',
      'referrals.advance': 'Record a referral step',
      'referrals.ofPerson': "View a person's referrals",
      'referrals.slip': 'Produce a referral slip',
      'referrals.list': 'List referrals',
    },
    errors: {
      'referrals.not-found': 'That referral does not exist.',
      'referrals.institution-not-found': 'Institution {{code}} is not in the directory. Add it under "Institutions".',
      'referrals.institution-inactive': 'Institution {{code}} is retired in the directory.',
      'referrals.bad-step': 'A "{{from}}" referral cannot become "{{to}}".',
      'referrals.no-consent': 'The person did not agree to share their data with {{code}}. Record their consent on the case file (Update consent) before printing the slip.',
      'referrals.duplicate': 'There is already an open referral to {{code}} for that service.',
    },
  },
};
