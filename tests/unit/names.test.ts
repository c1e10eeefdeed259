import { describe, expect, it } from 'vitest';
import { consonantSet, nameTokens, surnameTokens, tokenSimilarity, wordsMatch } from '../../electron/core/names';

describe('name comparison', () => {
  it('sees two neighbouring letters swapped in a short word', () => {
    for (const [a, b] of [['tmu', 'tum'], ['blo', 'bol'], ['ppo', 'pop'], ['otriz', 'ortiz']]) expect(tokenSimilarity(a!, b!), `${a} ${b}`).toBeGreaterThanOrEqual(0.88);
    expect(tokenSimilarity('tum', 'tun')).toBeLessThan(0.88);
  });

  it('keys a whole name by its set of consonants: wrong vowels and swapped letters land together', () => {
    expect(consonantSet('Otriz')).toBe(consonantSet('Ortiz'));
    expect(consonantSet('Hernnádez')).toBe(consonantSet('Hernández'));
    expect(consonantSet('Tmu')).toBe(consonantSet('Tum'));
    expect(consonantSet('Pérez')).not.toBe(consonantSet('López'));
  });

  it('matches typed words one name each: López López wants two', () => {
    const typed = nameTokens('Marta López López');
    expect(wordsMatch(typed, nameTokens('Marta López López'))).toBeGreaterThan(0.99);
    expect(wordsMatch(typed, nameTokens('Marta López Álvarez'))).toBe(0);
  });

  it('puts names typed in their own order a little ahead among equals', () => {
    const typed = nameTokens('Brenda Morales');
    expect(wordsMatch(typed, nameTokens('Brenda Morales Cruz'))).toBeGreaterThan(wordsMatch(typed, nameTokens('Brenda Reyes Morales')));
  });

  it('keeps a married "de X" apart from the own surnames, but not a surname that begins with de', () => {
    expect(surnameTokens('López', 'de Pérez')).toEqual({ own: ['lopez'], married: ['perez'] });
    expect(surnameTokens('López García de Pérez', null)).toEqual({ own: ['lopez', 'garcia'], married: ['perez'] });
    expect(surnameTokens('García', 'de León')).toEqual({ own: ['garcia', 'leon'], married: [] });
    expect(surnameTokens('de la Cruz', 'Pérez')).toEqual({ own: ['cruz', 'perez'], married: [] });
  });
});
