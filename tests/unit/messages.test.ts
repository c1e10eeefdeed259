import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PersonFields } from '../../electron/core/domains/persons/contract';
import { validate } from '../../electron/core/validation';

const issues = (value: unknown, locale: 'es' | 'en' = 'es') => {
  const r = validate(PersonFields, value, locale);
  return r.success ? [] : r.issues;
};

describe('messages people understand', () => {
  it('names the field and the limit instead of zod wording', () => {
    expect(issues({ givenNames: 'x'.repeat(500), firstSurname: 'Pop' })).toEqual([{ path: 'givenNames', message: 'El nombre puede tener hasta 80 caracteres.' }]);
    expect(issues({ givenNames: 'Ana', firstSurname: 'Pop', yearsAbroad: -5 })).toEqual([{ path: 'yearsAbroad', message: 'Los años fuera del país: el mínimo es 0.' }]);
    expect(issues({ givenNames: 'Ana', firstSurname: 'Pop', detentionDays: 100_000_000 })).toEqual([{ path: 'detentionDays', message: 'Los días de detención: el máximo es 3,650.' }]);
    expect(issues({ givenNames: 'Ana', firstSurname: 'Pop', phone: '5'.repeat(41) }, 'en')).toEqual([{ path: 'phone', message: 'The phone can have up to 40 characters.' }]);
    expect(issues({ firstSurname: 'Pop' })).toEqual([{ path: 'givenNames', message: 'El nombre es obligatorio.' }]);
    // A field without a label still reads as a sentence.
    const r = validate(z.strictObject({ zz: z.string().max(3) }), { zz: 'abcd' }, 'es');
    expect(!r.success && r.issues[0]!.message).toBe('Este campo puede tener hasta 3 caracteres.');
  });

  it('says a birth date before 1900 or in the future is that, at the field', () => {
    expect(issues({ givenNames: 'Ana', firstSurname: 'Pop', birthDate: '1890-02-01' })).toEqual([{ path: 'birthDate', message: 'La fecha es anterior a 1900: revise el año.' }]);
    expect(issues({ givenNames: 'Ana', firstSurname: 'Pop', birthDate: '2190' })).toEqual([{ path: 'birthDate', message: 'La fecha está en el futuro: revise el año.' }]);
    expect(issues({ givenNames: 'Ana', firstSurname: 'Pop', birthDate: '1990-02-30' })[0]!.message).toMatch(/^Fecha no válida/);
  });
});
