import { z } from 'zod';
import { isValidPartialDate } from '../partial-date';
import { Id } from './common';

export const Sex = z.enum(['F', 'M', 'X']);
export const DocumentTypeSchema = z.enum(['dpi', 'passport', 'birth_certificate', 'consular_id', 'other', 'none']);
export const GroupType = z.enum(['alone', 'family', 'unaccompanied_minor']);
export const AgeGroupSchema = z.enum(['child', 'adolescent', 'adult', 'elder']);
export const ArrivalStatus = z.enum(['expected', 'arrived', 'no_show']);
/** yyyy[-mm[-dd]]; a year before 1900 or after 2100 is named as such (a typo in the year). */
export const PartialDateSchema = z.string().superRefine((value, ctx) => {
  if (isValidPartialDate(value)) return;
  const year = /^(\d{4})(?:-\d{2}){0,2}$/.exec(value)?.[1];
  const message = year && Number(year) < 1900 ? 'validation.dateBefore1900' : year && Number(year) > 2100 ? 'validation.dateFuture' : 'validation.partialDate';
  ctx.addIssue({ code: 'custom', message });
});
/** Field limits shared by the API and the spreadsheet readers (a file must not store more). */
export const NAME_MAX = 80;
export const DOCUMENT_MAX = 40;
export const FAMILY_GROUP_MAX = 40;
export const NamePart = z.string().trim().min(1, { error: 'validation.required' }).max(NAME_MAX);
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullable()
    .optional();

/** Who a person is, as every list and the case file show it. */
export const PersonIdentity = z.object({
  caseNumber: z.string(),
  givenNames: z.string(),
  firstSurname: z.string(),
  secondSurname: z.string().nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  ageGroup: AgeGroupSchema.nullable(),
  sex: Sex.nullable(),
  nationality: z.string().nullable(),
  documentNumber: z.string().nullable(),
});

/** One person on one arrival, as lists show them. */
export const PersonArrivalRow = PersonIdentity.extend({
  personArrivalId: Id,
  personId: Id,
  arrivalId: Id,
  status: ArrivalStatus,
  source: z.enum(['manifest', 'walk_in', 'unlisted']),
  groupType: GroupType,
  familyGroup: z.string().nullable(),
  ticketCode: z.string(),
  checkedInAt: z.string().nullable(),
  registeredAt: z.string().nullable(),
  departedAt: z.string().nullable(),
  openSuggestions: z.number().int(),
});
export type PersonArrivalRow = z.infer<typeof PersonArrivalRow>;

