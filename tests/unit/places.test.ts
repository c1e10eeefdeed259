import { describe, expect, it } from 'vitest';
import { PersonFields } from '../../electron/core/domains/persons/contract';
import { normalize } from '../../electron/core/names';
import { canonicalPlace, hasPlaceList, PLACES } from '../../electron/core/reference';
import { validate } from '../../electron/core/validation';

describe('departments and municipalities (resources/data/places.json)', () => {
  it('has the official number of departments and municipalities of each country', () => {
    const counts = Object.fromEntries(
      Object.entries(PLACES).map(([iso3, c]) => [iso3, [c.departments.length, c.departments.reduce((n, d) => n + d.municipalities.length, 0)]]),
    );
    // Guatemala 22/340 (INE, with Sipacate, Petatán, La Blanca and San José La Máquina);
    // Honduras 18/298; El Salvador 14 departments and its 262 traditional municipalities.
    expect(counts).toEqual({ GTM: [22, 340], HND: [18, 298], SLV: [14, 262] });
  });

  it('never lists a name twice in one department, even written with other accents', () => {
    for (const country of Object.values(PLACES)) {
      expect(new Set(country.departments.map((d) => normalize(d.name))).size).toBe(country.departments.length);
      for (const d of country.departments) expect(new Set(d.municipalities.map(normalize)).size).toBe(d.municipalities.length);
    }
  });

  it('finds the listed spelling whatever the case and accents', () => {
    expect(hasPlaceList('GTM')).toBe(true);
    expect(hasPlaceList('MEX')).toBe(false);
    expect(canonicalPlace('GTM', 'alta verapaz', 'coban')).toEqual({ department: 'Alta Verapaz', municipality: 'Cobán' });
    expect(canonicalPlace('HND', 'FRANCISCO MORAZAN', 'distrito central')).toEqual({ department: 'Francisco Morazán', municipality: 'Distrito Central' });
    expect(canonicalPlace('SLV', 'San Salvador', 'Soyapango')?.municipality).toBe('Soyapango');
    expect(canonicalPlace('GTM', 'Alta Verapaz', 'Soyapango')?.municipality).toBeUndefined();
    expect(canonicalPlace('GTM', 'Olancho')).toBeUndefined();
  });

  it('the registration contract refuses a department or municipality that is not on the list, in Spanish', () => {
    const base = { givenNames: 'Ana', firstSurname: 'Pop', originCountry: 'GTM' };
    const check = (extra: object) => validate(PersonFields, { ...base, ...extra }, 'es');
    expect(check({ originDepartment: 'Quiché', originMunicipality: 'nebaj' }).success).toBe(true);
    expect(check({ originDepartment: 'Olancho' })).toEqual({
      success: false,
      issues: [{ path: 'originDepartment', message: 'Ese departamento no está en la lista del país de origen.' }],
    });
    expect(check({ originDepartment: 'Quiché', originMunicipality: 'Cobán' })).toEqual({
      success: false,
      issues: [{ path: 'originMunicipality', message: 'Ese municipio no pertenece al departamento indicado.' }],
    });
    expect(check({ originMunicipality: 'Cobán' })).toEqual({
      success: false,
      issues: [{ path: 'originDepartment', message: 'Indique el departamento antes del municipio.' }],
    });
    // Countries without an official list keep free text.
    expect(check({ originCountry: 'MEX', originDepartment: 'Chiapas', originMunicipality: 'Tapachula' }).success).toBe(true);
  });
});
