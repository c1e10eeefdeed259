import { z } from 'zod';
import { INSTITUTION_LEVELS, SERVICE_CODES } from '../../reference';
import { CountryIso3, Id } from '../../contract/common';
import { method } from '../../contract/method';
import { OptionalText } from '../../contract/persons-common';
import { CASEWORK } from '../../roles';
import { defineDomain } from '../define';
import { messages } from './messages';

const ServiceCode = z.string().refine((code) => SERVICE_CODES.includes(code), { error: 'validation.service' });

const InstitutionFields = {
  /** The short name people use (RENAP, SVET, OIM): unique in the centre. */
  code: z.string().trim().min(2).max(20),
  name: z.string().trim().min(2).max(160),
  /** ISO3, or INT for international bodies. */
  country: z.union([z.literal('INT'), CountryIso3]),
  level: z.enum(INSTITUTION_LEVELS),
  services: z.array(ServiceCode).max(25).default([]),
  contact: OptionalText(200),
  hours: OptionalText(120),
  address: OptionalText(200),
  /** The code of the institution this is an office of (a RENAP delegation: RENAP); none for the institution itself. */
  officeOf: z.string().trim().min(2).max(20).nullable().optional(),
  /** Departments this office covers (names as in the place lists); empty: the whole country. */
  coverage: z.array(z.string().trim().min(1).max(80)).max(40).default([]),
};

export const Institution = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  country: z.string(),
  level: z.enum(INSTITUTION_LEVELS),
  services: z.array(z.string()),
  contact: z.string().nullable(),
  hours: z.string().nullable(),
  address: z.string().nullable(),
  officeOf: z.string().nullable(),
  coverage: z.array(z.string()),
  active: z.boolean(),
});
export type Institution = z.infer<typeof Institution>;

/**
 * Access: Everyone who works with returnees reads the directory; the manager keeps it (docs/spec.md, roles).
 */
export const institutionsContract = {
  /** The directory of institutions (mapeo de actores), active ones unless asked for all. */
  'institutions.list': method({ access: CASEWORK, input: z.strictObject({ includeInactive: z.boolean().default(false) }),
    output: z.array(Institution),
  }),
  /** Adds an institution to the directory. */
  'institutions.create': method({ access: ['manager'], input: z.strictObject(InstitutionFields),
    output: Institution,
  }),
  /**
   * Changes an institution; `active: false` retires it (it stays in the records that name it,
   * but is no longer offered for new consents or referrals).
   */
  'institutions.update': method({ access: ['manager'], input: z.strictObject({
      id: Id,
      code: InstitutionFields.code.optional(),
      name: InstitutionFields.name.optional(),
      country: InstitutionFields.country.optional(),
      level: InstitutionFields.level.optional(),
      services: z.array(ServiceCode).max(25).optional(),
      contact: InstitutionFields.contact,
      hours: InstitutionFields.hours,
      address: InstitutionFields.address,
      officeOf: InstitutionFields.officeOf,
      coverage: InstitutionFields.coverage.unwrap().optional(),
      active: z.boolean().optional(),
    }),
    output: Institution,
  }),
};

/** The institutions domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'institutions',
  methods: institutionsContract,
  errors: {
    'institutions.not-found': 404,
    'institutions.unknown': 400,
    'institutions.code-taken': 409,
  },
  messages,
  tables: {
    institutions: { kind: 'editable', naturalKey: ['centre_id', 'code'] },
  },
});
