import { z } from 'zod';
import { Ok } from '../../contract/common';
import { method } from '../../contract/method';

/** Which form: `registration:walk-in`, `screening:<person id>`, `new-arrival`. */
export const FormKey = z.string().regex(/^[a-z][a-z-]{1,39}(:[A-Za-z0-9-]{1,64})?$/, { error: 'validation.formKey' });

/** A form's values as the renderer holds them; at most 256 kB of JSON. */
const Payload = z
  .record(z.string().max(80), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 256_000, { error: 'validation.draftSize' });

export const draftsContract = {
  /** The caller's own draft of a form, if any (never another user's). */
  'drafts.get': method({ input: z.strictObject({ key: FormKey }), output: z.object({ payload: Payload.nullable(), savedAt: z.string().nullable() }), audit: 'read' }),
  /** Keeps the caller's unsent typing of a form; asked every few seconds while typing. */
  'drafts.save': method({ input: z.strictObject({ key: FormKey, payload: Payload }), output: Ok, audit: false }),
  /** Forgets the caller's draft of a form (saved for real, or discarded). */
  'drafts.discard': method({ input: z.strictObject({ key: FormKey }), output: Ok }),
};
