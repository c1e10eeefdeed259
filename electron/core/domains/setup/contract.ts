import { z } from 'zod';
import { CountryIso3, DisplayName, Empty, Id, IsoDateTime, Locale, Password, TimeZone, Username } from '../../contract/common';
import { method } from '../../contract/method';
import { defineDomain } from '../define';
import { messages } from './messages';

/** Countries a centre is usually in, with their time zone (the setup form and `acogida init` default to it). */
export const COUNTRY_TIME_ZONES: Readonly<Record<string, string>> = {
  GTM: 'America/Guatemala',
  HND: 'America/Tegucigalpa',
  SLV: 'America/El_Salvador',
  MEX: 'America/Mexico_City',
  NIC: 'America/Managua',
  CRI: 'America/Costa_Rica',
};

/**
 * The centre as `setup.status` tells it. Before sign-in only what the sign-in screen shows (the
 * name) and its clock needs (the zone): id, country and workstation stay null.
 */
export const CentreInfo = z.object({ id: Id.nullable(), name: z.string(), country: z.string().nullable(), timeZone: z.string() });

export const setupContract = {
  /**
   * Whether first-run setup is done, which centre this workstation belongs to, and the core's
   * clock: the renderer takes "now" and "today" from here and the centre's zone, never from the
   * browser's own zone.
   */
  'setup.status': method({ access: 'public', input: Empty,
    output: z.object({
      initialized: z.boolean(),
      /** A desk that joined a centre and is still receiving its data (no one can sign in yet). */
      joining: z.boolean(),
      centre: CentreInfo.nullable(),
      workstationName: z.string().nullable(),
      now: IsoDateTime,
    }),
  }),
  /** First run: creates the centre, this workstation's identity and the first admin account. */
  'setup.init': method({ access: 'public', input: z.strictObject({
      centre: z.strictObject({ name: DisplayName, country: CountryIso3, timeZone: TimeZone }),
      workstationName: DisplayName,
      admin: z.strictObject({ username: Username, displayName: DisplayName, password: Password }),
      locale: Locale.default('es'),
    }),
    output: z.object({ centreId: Id, workstationId: Id, adminId: Id }),
  }),
  /** A new desk of an existing centre: identity from the upstream, then everything is pulled. */
  'setup.join': method({ access: 'public', input: z.strictObject({ url: z.string().trim().min(1).max(2000), workstationName: DisplayName }),
    output: z.object({ centreId: z.string(), workstationId: z.string(), centreName: z.string() }),
  }),
};

/** The setup domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'setup',
  methods: setupContract,
  errors: {
    'setup.already-done': 409,
  },
  messages,
  tables: {
    centres: { kind: 'editable', naturalKey: [] },
    workstations: { kind: 'editable', naturalKey: [] },
  },
});
