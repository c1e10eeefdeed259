import { z } from 'zod';
import { normalize } from '../../names';
import { Empty } from '../../contract/common';
import { method } from '../../contract/method';
import { defineDomain } from '../define';
import { messages } from './messages';

/** A name as typed (Chépe, BRAYAN): one word of letters, kept lowercase and without accents. */
const Word = (min: number) =>
  z
    .string()
    .max(40)
    .transform((text) => normalize(text))
    .pipe(z.string().regex(new RegExp(`^[a-z]{${min},20}$`), { error: 'validation.name-word' }));

export const NameEntry = z.object({
  kind: z.enum(['abbreviation', 'nickname', 'spelling', 'surname']),
  written: z.string(),
  means: z.array(z.string()),
  source: z.enum(['shipped', 'centre']),
  active: z.boolean(),
});
export type NameEntry = z.infer<typeof NameEntry>;

const NameList = z.object({
  entries: z.array(NameEntry),
  /** Records whose search and matching keys were rebuilt by the change (0 for a read). */
  reindexed: z.object({ persons: z.number().int(), records: z.number().int() }),
});

export const SaveNameEntry = z
  .strictObject({
    kind: z.enum(['nickname', 'spelling', 'surname']),
    written: Word(3),
    means: z.array(Word(2)).min(1).max(8),
  })
  .refine((e) => !e.means.includes(e.written), { error: 'validation.name-same', path: ['means'] })
  .refine((e) => e.kind === 'nickname' || e.means.length === 1, { error: 'validation.name-one-meaning', path: ['means'] });

export const namesContract = {
  /** The name knowledge in use: the shipped nicknames, spellings and abbreviations, and this centre's. */
  'names.list': method({ access: ['admin', 'alert_officer'], input: Empty, output: NameList }),
  /** Adds or replaces one of this centre's entries (a nickname, a spelling, a surname spelling). */
  'names.save': method({ access: ['admin'], input: SaveNameEntry, output: NameList }),
  /** Removes one of this centre's entries; a shipped entry it replaced applies again. */
  'names.remove': method({ access: ['admin'], input: z.strictObject({ written: Word(2) }), output: NameList }),
  /** Switches a shipped entry off for this centre, or on again. */
  'names.setActive': method({ access: ['admin'], input: z.strictObject({ written: Word(2), active: z.boolean() }), output: NameList }),
};

/** The names domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'names',
  methods: namesContract,
  errors: {
    'names.not-found': 404,
    'names.not-shipped': 400,
  },
  messages,
  tables: {},
});
