import { z } from 'zod';
import { ArrivalInput } from '../arrivals/contract';
import { DateOrderSchema, Id } from '../../contract/common';
import { method } from '../../contract/method';
import { RECEPTION } from '../../roles';
import { defineDomain } from '../define';
import { messages } from './messages';

const ManifestFile = {
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64: parsing happens in the core, the same for UI and CLI. */
  contentBase64: z.string().min(1).max(90_000_000),
  /** Chosen by the screen to follow this call with manifests.progress. */
  progressId: z.uuid().optional(),
  /** How to read 03/04/1968 when no date of the file says it: day first (default) or month first. */
  dateOrder: DateOrderSchema.optional(),
};

/** The order the birth dates were read in: settled by the file, chosen by the user, or the default. */
export const DateOrderUsed = z.object({
  order: DateOrderSchema,
  source: z.enum(['file', 'chosen', 'default']),
  /** Dates like 03/04/1968 that either order reads: when the file did not settle it, the user's choice decides them. */
  ambiguous: z.number().int(),
});

export const ManifestProblemValue = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  /** The column as the file's header writes it (or, missing from the file, its name in the user's language). */
  header: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

export const ManifestPreviewRow = z.object({
  row: z.number().int(),
  givenNames: z.string(),
  firstSurname: z.string(),
  secondSurname: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.string().nullable(),
  nationality: z.string().nullable(),
  documentType: z.string().nullable(),
  documentNumber: z.string().nullable(),
  unaccompaniedMinor: z.boolean(),
  familyGroup: z.string().nullable(),
});

export const manifestsContract = {
  /**
   * Reads a manifest and reports every row with its problems; changes nothing. With the arrival
   * it is for: the same file already imported, and people already on it, are reported too.
   */
  'manifests.preview': method({ access: RECEPTION, input: z.strictObject({ ...ManifestFile, arrivalId: Id.optional() }),
    output: z.object({
      encoding: z.string().nullable(),
      dateOrder: DateOrderUsed,
      rows: z.array(ManifestPreviewRow),
      problems: z.array(ManifestProblemValue),
      errorCount: z.number().int(),
      duplicatesInFile: z.number().int(),
      possibleRepeatReturnees: z.number().int(),
    }),
  }),
  /** Imports a manifest into an arrival (existing or new): all rows or none. */
  'manifests.import': method({ access: RECEPTION, input: z.union([
      z.strictObject({ ...ManifestFile, arrivalId: Id }),
      z.strictObject({ ...ManifestFile, arrival: ArrivalInput }),
    ]),
    output: z.object({
      arrivalId: Id,
      imported: z.number().int(),
      duplicatesInFile: z.number().int(),
      possibleRepeatReturnees: z.number().int(),
      errors: z.array(ManifestProblemValue),
    }),
  }),
  /** The manifest files imported into an arrival, and whether each can still be undone. */
  'manifests.imports': method({ access: RECEPTION, input: z.strictObject({ arrivalId: Id }),
    output: z.array(
      z.object({
        id: Id, fileName: z.string(), importedAt: z.string(), importedBy: z.string(), rows: z.number().int(), imported: z.number().int(),
        undoneAt: z.string().nullable(), undoReason: z.string().nullable(), undoable: z.boolean(),
      }),
    ),
  }),
  /** Undoes an import while nobody of it has arrived or been worked with; the people it listed are removed (tombstoned). */
  'manifests.undo': method({ access: RECEPTION, input: z.strictObject({ importId: Id, reason: z.string().trim().min(5, { error: 'validation.reasonNeeded' }).max(500) }),
    output: z.object({ arrivalId: Id, removed: z.number().int() }),
  }),
  /**
   * How far a preview or import started with this progressId has got: `reading` and
   * `checking` count rows; `saving` is the single all-or-nothing write. Counts only, no
   * personal data, so it is not audited (the screen asks several times a second).
   */
  'manifests.progress': method({ access: RECEPTION, input: z.strictObject({ progressId: z.uuid() }),
    output: z.object({
      stage: z.enum(['reading', 'checking', 'saving']).nullable(),
      done: z.number().int().min(0),
      total: z.number().int().min(0),
    }),
    audit: false,
  }),
};

/** The manifests domain: its methods, the errors it raises (with their transport status), its texts and its tables. */
export const domain = defineDomain({
  name: 'manifests',
  methods: manifestsContract,
  errors: {
    'manifest.invalid': 400,
    'manifest.import-not-found': 404,
    'manifest.undone-already': 409,
    'manifest.undo-too-late': 409,
  },
  messages,
  tables: {
    manifest_imports: { kind: 'editable', naturalKey: ['arrival_id', 'file_hash'] },
  },
});
