import { normalize } from '../names';

/** Canonical manifest columns and the headers accepted for each (any order, any case, accents). */
export const MANIFEST_COLUMNS = {
  given_names: ['given_names', 'nombres', 'nombre', 'primer_nombre_y_segundo', 'names', 'first_name', 'first_names'],
  first_surname: ['first_surname', 'primer_apellido', 'apellido1', 'apellido_paterno', 'apellido', 'surname', 'last_name'],
  second_surname: ['second_surname', 'segundo_apellido', 'apellido2', 'apellido_materno'],
  /** Both surnames in one column, split on import ("de la Cruz Pérez" → de la Cruz / Pérez). */
  surnames: ['surnames', 'apellidos', 'last_names', 'apellidos_completos'],
  birth_date: ['birth_date', 'fecha_nacimiento', 'fecha_de_nacimiento', 'nacimiento', 'date_of_birth', 'dob'],
  sex: ['sex', 'sexo', 'genero', 'gender'],
  nationality: ['nationality', 'nacionalidad', 'pais', 'country'],
  document_type: ['document_type', 'tipo_documento', 'tipo_de_documento'],
  document_number: ['document_number', 'numero_documento', 'numero_de_documento', 'documento', 'no_documento', 'dpi', 'pasaporte'],
  unaccompanied_minor: ['unaccompanied_minor', 'nna_no_acompanado', 'nna', 'menor_no_acompanado', 'uam', 'uac'],
  family_group: ['family_group', 'grupo_familiar', 'familia', 'grupo'],
} as const;

export type ManifestColumn = keyof typeof MANIFEST_COLUMNS;
export const REQUIRED_COLUMNS: readonly (ManifestColumn | readonly ManifestColumn[])[] = ['given_names', ['first_surname', 'surnames']];

/** A function from a header cell (any case, accents, spaces) to its canonical column, or null. */
export function columnResolver<C extends string>(columns: Readonly<Record<C, readonly string[]>>): (header: string) => C | null {
  const aliasIndex = new Map<string, C>();
  for (const [column, aliases] of Object.entries(columns) as [C, readonly string[]][]) for (const alias of aliases) aliasIndex.set(alias, column);
  return (header) => aliasIndex.get(normalize(header).replace(/ /g, '_')) ?? null;
}

/** Canonical column for a header cell, or null for a column we do not use. */
export const canonicalColumn = columnResolver(MANIFEST_COLUMNS);
