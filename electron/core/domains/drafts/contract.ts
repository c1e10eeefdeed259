import { z } from 'zod';
import { Ok } from '../../contract/common';
import { method } from '../../contract/method';
import { defineDomain } from '../define';
import { messages } from './messages';

/** Which form: `registration:walk-in`, `screening:<person id>`, `new-arrival`. */
export const FormKey = z.string().regex(/^[a-z][a-z-]{1,39}(:[A-Za-z0-9-]{1,64})?$/, { error: 'validation.formKey' });

/** A form's values as the renderer holds them; at most 256 kB of JSON. */
const Payload = z
  .record(z.string().max(80), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 256_000, { error: 'validation.draftSize' });

/**
 * Access: Each user's own unsent typing; the service only ever touches the caller's rows.
 */
export const draftsContract = {
  /** The caller's own draft of a form, if any (never another user's). */
  'drafts.get': method({ access: 'signed-in', input: z.strictObject({ key: FormKey }), output: z.object({ payload: Payload.nullable(), savedAt: z.string().nullable() }), audit: 'read' }),
  /** Keeps the caller's unsent typing of a form; asked every few seconds while typing. */
  'drafts.save': method({ access: 'signed-in', input: z.strictObject({ key: FormKey, payload: Payload }), output: Ok, audit: false }),
  /** Forgets the caller's draft of a form (saved for real, or discarded). */
  'drafts.discard': method({ access: 'signed-in', input: z.strictObject({ key: FormKey }), output: Ok }),
};

/** The drafts domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'drafts',
  methods: draftsContract,
  errors: {},
  messages,
  tables: {},
});
