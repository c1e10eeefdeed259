import { z } from 'zod';
import countriesJson from '../../../resources/data/countries.json';
import optionsJson from '../../../resources/data/registry-options.json';
import institutionsJson from '../../../resources/data/institutions.json';
import aidTypesJson from '../../../resources/data/aid-types.json';
import placesJson from '../../../resources/data/places.json';
import { normalize } from '../names';

/**
 * Reference lists (countries, departments, peoples, languages, disabilities) live in data files
 * under resources/data, validated here when loaded: a broken file fails at start, loudly.
 */
const Labelled = z.object({ code: z.string(), es: z.string(), en: z.string() });
const Countries = z.object({
  version: z.number(),
  countries: z.array(z.object({ iso3: z.string().regex(/^[A-Z]{3}$/), es: z.string(), en: z.string(), aliases: z.array(z.string()) })),
});
const Places = z.object({
  version: z.number(),
  countries: z.record(z.string(), z.object({ departments: z.array(z.object({ name: z.string(), municipalities: z.array(z.string()) })) })),
});
const Options = z.object({ version: z.number(), peoples: z.array(Labelled), languages: z.array(Labelled), disabilities: z.array(Labelled) });

export const COUNTRIES = Countries.parse(countriesJson).countries;
export const PLACES = Places.parse(placesJson).countries;
export const REGISTRY_OPTIONS = Options.parse(optionsJson);

export const INSTITUTION_LEVELS = ['national', 'local', 'international'] as const;
const Institutions = z
  .object({
    version: z.number(),
    services: z.array(Labelled),
    institutions: z.array(
      z.object({
        code: z.string().min(1).max(20),
        name: z.string().min(1).max(160),
        country: z.string().regex(/^([A-Z]{3})$/),
        level: z.enum(INSTITUTION_LEVELS),
        services: z.array(z.string()),
      }),
    ),
  })
  .refine((d) => d.institutions.every((i) => i.services.every((s) => d.services.some((x) => x.code === s))), 'unknown service code');
const INSTITUTION_DATA = Institutions.parse(institutionsJson);
/** Services an institution offers (health, identity, child protection…), labelled es/en. */
export const INSTITUTION_SERVICES = INSTITUTION_DATA.services;
export const SERVICE_CODES = INSTITUTION_SERVICES.map((s) => s.code);
/** The directory every new centre starts with (docs/spec.md, station 8), before it adds its own. */
export const INSTITUTION_SEED = INSTITUTION_DATA.institutions;

const AidTypes = z
  .object({
    version: z.number(),
    types: z.array(
      z.object({
        code: z.string().regex(/^[a-z][a-z0-9_]+$/),
        es: z.string().min(1),
        en: z.string().min(1),
        unit: z.object({ es: z.string().min(1), en: z.string().min(1) }),
        uses_stock: z.boolean(),
        repeat: z.discriminatedUnion('kind', [z.object({ kind: z.literal('per_arrival') }), z.object({ kind: z.literal('hours'), hours: z.number().int().min(1) })]),
        low_stock: z.number().int().min(0).nullable(),
      }),
    ),
    donors: z.array(z.string().min(2)),
  })
  .refine((d) => new Set(d.types.map((t) => t.code)).size === d.types.length, 'duplicate aid type code');
const AID_DATA = AidTypes.parse(aidTypesJson);
/** Kits and services every new centre starts with (docs/spec.md, station 6), before it edits them. */
export const AID_TYPE_SEED = AID_DATA.types;
/** Donors named in the source, offered when receiving stock (others may be typed). */
export const DONORS = AID_DATA.donors;

const countryIndex = new Map<string, string>();
for (const c of COUNTRIES) {
  for (const name of [c.iso3, c.es, c.en, ...c.aliases]) countryIndex.set(normalize(name), c.iso3);
}

/** ISO3 code of a country written as a code, a name or a nationality ("guatemalteca"). */
export function countryCode(text: string): string | null {
  return countryIndex.get(normalize(text)) ?? null;
}

const placeIndex = new Map<string, { name: string; municipalities: Map<string, string> }>();
for (const [iso3, country] of Object.entries(PLACES)) {
  for (const d of country.departments) {
    placeIndex.set(`${iso3}|${normalize(d.name)}`, {
      name: d.name,
      municipalities: new Map(d.municipalities.map((m) => [normalize(m), m])),
    });
  }
}

/** True when resources/data/places.json lists the departments and municipalities of this country. */
export function hasPlaceList(iso3: string): boolean {
  return iso3 in PLACES;
}

/**
 * The listed spelling of a department (and municipality) written with any case or accents:
 * `undefined` when the name is not on the list. Only meaningful where hasPlaceList(country).
 */
export function canonicalPlace(
  iso3: string,
  department: string,
  municipality?: string | null,
): { department: string; municipality: string | null | undefined } | undefined {
  const d = placeIndex.get(`${iso3}|${normalize(department)}`);
  if (!d) return undefined;
  return { department: d.name, municipality: municipality ? d.municipalities.get(normalize(municipality)) : null };
}

export const LANGUAGE_CODES = REGISTRY_OPTIONS.languages.map((l) => l.code);
export const DISABILITY_CODES = REGISTRY_OPTIONS.disabilities.map((d) => d.code);
export const PEOPLE_CODES = REGISTRY_OPTIONS.peoples.map((p) => p.code);
