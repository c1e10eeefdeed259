import { z } from 'zod';
import { ArrivalInput } from './arrivals';
import { Id } from './common';
import { method } from './method';

const ManifestFile = {
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64: parsing happens in the core, the same for UI and CLI. */
  contentBase64: z.string().min(1).max(90_000_000),
};

export const ManifestProblemValue = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
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
  /** Reads a manifest and reports every row with its problems; changes nothing. */
  'manifests.preview': method({
    input: z.strictObject(ManifestFile),
    output: z.object({
      encoding: z.string().nullable(),
      rows: z.array(ManifestPreviewRow),
      problems: z.array(ManifestProblemValue),
      errorCount: z.number().int(),
      duplicatesInFile: z.number().int(),
      possibleRepeatReturnees: z.number().int(),
    }),
  }),
  /** Imports a manifest into an arrival (existing or new): all rows or none. */
  'manifests.import': method({
    input: z.union([
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
};
