import type { z } from 'zod';
import type { PersonFields } from './contract';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { canonicalPlace } from '../../reference';
import { today } from './store';

type ParsedFields = z.output<typeof PersonFields>;

/** Contract fields → database columns; a birth date in the future is refused. */
export function personColumns(ctx: ServiceContext, f: ParsedFields): Record<string, unknown> {
  if (f.birthDate && f.birthDate > today(ctx).slice(0, f.birthDate.length)) throw new AppError('birth-date.future');
  // The contract accepted the place in any case or accents; store the listed spelling.
  const place = f.originCountry && f.originDepartment ? canonicalPlace(f.originCountry, f.originDepartment, f.originMunicipality) : undefined;
  return {
    given_names: f.givenNames,
    first_surname: f.firstSurname,
    second_surname: f.secondSurname ?? null,
    birth_date: f.birthDate ?? null,
    sex: f.sex ?? null,
    gender_identity: f.genderIdentity ?? null,
    nationality: f.nationality ?? null,
    document_type: f.documentType ?? null,
    document_number: f.documentNumber ? f.documentNumber.replace(/\s/g, '') : null,
    origin_country: f.originCountry ?? null,
    origin_department: place?.department ?? f.originDepartment ?? null,
    origin_municipality: place?.municipality ?? f.originMunicipality ?? null,
    people: f.people ?? null,
    languages: JSON.stringify(f.languages),
    interpreter_needed: f.interpreterNeeded ? 1 : 0,
    disabilities: JSON.stringify(f.disabilities),
    phone: f.phone ?? null,
    family_contact: f.familyContact ?? null,
    years_abroad: f.yearsAbroad ?? null,
    detention_days: f.detentionDays ?? null,
  };
}

