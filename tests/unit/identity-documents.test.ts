import { describe, expect, it } from 'vitest';
import { PersonFields } from '../../electron/core/domains/persons/contract';
import { checkCui, checkDui, checkHondurasDni } from '../../electron/core/identity-documents';
import { validate } from '../../electron/core/validation';

describe('national identity numbers', () => {
  it("Guatemala's DPI (CUI): 13 digits, check digit, department and municipality", () => {
    expect(checkCui('1234 56789 0101')).toBeNull();
    expect(checkCui('2456 78901 0101')).toEqual({ key: 'validation.cuiCheck' }); // one digit off
    expect(checkCui('123456789')).toEqual({ key: 'validation.cuiLength' });
    expect(checkCui('1234567892301')).toEqual({ key: 'validation.cuiPlace' }); // department 23
    expect(checkCui('1234567890118')).toEqual({ key: 'validation.cuiPlace' }); // Guatemala has 17 municipalities
    expect(checkCui('1234567891333')).toBeNull(); // Huehuetenango 33 (Petatán)
  });

  it("Honduras' DNI: municipality code and birth year agree with the record", () => {
    expect(checkHondurasDni('0801-1990-12345', 1990)).toBeNull();
    expect(checkHondurasDni('0801199012345', 1991)).toMatchObject({ key: 'validation.dniYear' });
    expect(checkHondurasDni('1901199012345', null)).toEqual({ key: 'validation.dniPlace' });
    expect(checkHondurasDni('0899199012345', null)).toEqual({ key: 'validation.dniPlace' });
    expect(checkHondurasDni('08011990', null)).toEqual({ key: 'validation.dniLength' });
  });

  it("El Salvador's DUI: 8 digits and check digit", () => {
    expect(checkDui('01234567-8')).toBeNull();
    expect(checkDui('01234567-9')).toEqual({ key: 'validation.duiCheck' });
    expect(checkDui('1234567')).toEqual({ key: 'validation.duiFormat' });
  });

  it('registration refuses a wrong national number at its field, and leaves passports alone', () => {
    const r = validate(PersonFields, { givenNames: 'Ana', firstSurname: 'Pop', nationality: 'GTM', documentType: 'dpi', documentNumber: '2456 78901 0101' }, 'es');
    expect(!r.success && r.issues).toEqual([{ path: 'documentNumber', message: 'Este número de DPI (CUI) no es válido: el dígito verificador no corresponde. Revise cada dígito.' }]);
    const hn = validate(PersonFields, { givenNames: 'Ana', firstSurname: 'Pop', nationality: 'HND', documentType: 'dpi', documentNumber: '0801199012345', birthDate: '1989-02-01' }, 'es');
    expect(!hn.success && hn.issues[0]!.path).toBe('documentNumber');
    expect(validate(PersonFields, { givenNames: 'Ana', firstSurname: 'Pop', nationality: 'GTM', documentType: 'passport', documentNumber: 'A123' }, 'es').success).toBe(true);
    expect(validate(PersonFields, { givenNames: 'Ana', firstSurname: 'Pop', nationality: 'SLV', documentType: 'dpi', documentNumber: '01234567-8' }, 'es').success).toBe(true);
  });
});
