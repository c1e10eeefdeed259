/**
 * Names for fixtures (benchmarks, the alert evaluation set, the demo): given names and surnames
 * of Guatemala, Honduras and El Salvador, each list in rough order of frequency, drawn with a
 * Zipf-like law as real populations are (a few José López, many rarer names), never uniformly.
 */
/**
 * Deterministic pseudo-random so `acogida demo` gives the same centre every time: mulberry32,
 * since a plain LCG computed in doubles falls into a cycle of a few thousand draws and a large
 * fixture would repeat whole people.
 */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MALE = (
  'José,Juan,Luis,Carlos,Jorge,Mario,Edgar,Marvin,Kevin,Brayan,Selvin,Elmer,Wilmer,Santos,Óscar,Francisco,Víctor,Miguel,Manuel,Erick,' +
  'Byron,Nery,Walter,Rudy,Julio,César,Pedro,Pablo,Diego,Cristian,Josué,Roberto,Alberto,Antonio,Jesús,Alexis,Estuardo,René,Rolando,Armando,' +
  'Hugo,Ángel,Rigoberto,Efraín,Santiago,Guillermo,Enrique,Ignacio,Vicente,Lorenzo,Humberto,Eduardo,Fernando,Rodolfo,Jefferson,Jonathan,Bryan,Gerson,Edwin,Darwin'
).split(',');

export const FEMALE = (
  'María,Ana,Rosa,Karla,Sindy,Glenda,Brenda,Dunia,Maritza,Yolanda,Juana,Delmy,Lesbia,Ingrid,Mayra,Sandra,Gladys,Reina,Marta,Blanca,' +
  'Lucía,Carolina,Yesenia,Marisol,Azucena,Elena,Patricia,Verónica,Mirna,Olga,Guadalupe,Rosario,Jessica,Jennifer,Floridalma,Wendy,Evelyn,Heidy,Keila,Dalia,' +
  'Iris,Zoila,Telma,Irma,Consuelo,Graciela,Concepción,Teresa,Isabel,Mercedes,Dolores,Josefa,Alicia,Victoria'
).split(',');

/** Both, as older fixtures used them (female names from María on). */
export const GIVEN = [...MALE, ...FEMALE];

export const SURNAMES = (
  'López,García,Hernández,Pérez,Martínez,González,Rodríguez,Ramírez,Cruz,Flores,Morales,Reyes,Sánchez,Rivera,Gómez,Díaz,Torres,Castillo,Ortiz,Mejía,' +
  'Caal,Orellana,Velásquez,Aguilar,Méndez,Juárez,Ramos,Choc,Vásquez,Álvarez,Romero,Chávez,Herrera,Mendoza,Pop,Estrada,Salazar,Barrios,Xol,Ruiz,' +
  'Tiul,Guzmán,Cabrera,Coc,Lemus,Monterroso,Zelaya,Maldonado,Fuentes,Rosales,Paz,Escobar,Alvarado,Figueroa,Batz,Cárcamo,Lagos,Bonilla,Amaya,Portillo,' +
  'Tzoc,Zavala,Murillo,Osorio,Sosa,Núñez,Aguirre,Villeda,Quiñónez,Argueta,Xicará,Henríquez,Menjívar,Guardado,Alfaro,Serrano,Quintanilla,Ayala,Palacios,Marroquín,' +
  'Ajú,Chumil,Tum,Chen,Cuc,Ical,Yat,Quej,Bol,Maquín,Cac,Solís,Girón,Cifuentes,Hidalgo,Recinos,Arévalo,Sagastume,Bran,Xitumul,' +
  'Ixcoy,Pacheco,Saquic,Tojín,Us,Calel,Tecún,Ixchop,Sicay,Boj,Ordóñez,Escalante,Calderón,Pineda,Medrano,Sandoval,Soto,Lara,Galdámez,Canales'
).split(',');

/**
 * Draws from `list` with probability ∝ 1 / rank^s. s = 0.7 gives the most common surname about
 * 8 % of a population and the rarest about 0.3 %, as in Central American civil registries.
 */
export function zipf<T>(list: readonly T[], s = 0.7): (random: () => number) => T {
  const cdf: number[] = [];
  let total = 0;
  for (let k = 1; k <= list.length; k++) cdf.push((total += 1 / k ** s));
  return (random) => {
    const target = random() * total;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
}

export const maleName = zipf(MALE);
export const femaleName = zipf(FEMALE);
export const surname = zipf(SURNAMES);

/** A given name as people carry them: one, or two (four in ten). */
export function givenNames(random: () => number, female: boolean): string {
  const one = female ? femaleName : maleName;
  const first = one(random);
  if (random() >= 0.4) return first;
  let second = one(random);
  while (second === first) second = one(random);
  return `${first} ${second}`;
}

/** A surname as the Academia de Lenguas Mayas writes it: Xol → Shol, Caal → Kaal, Quej → Kej, Tzoc → Tzok. */
export function mayan(surname: string): string {
  if (!/^(Caal|Choc|Pop|Xol|Tiul|Coc|Batz|Tzoc|Xicará|Ajú|Chumil|Tum|Chen|Cuc|Ical|Yat|Quej|Bol|Maquín|Cac|Xitumul|Ixcoy|Saquic|Tojín|Calel|Tecún|Ixchop|Sicay|Boj)$/.test(surname)) return surname;
  return surname
    .replace(/X/g, 'Sh')
    .replace(/x/g, 'sh')
    .replace(/Qu/g, 'K')
    .replace(/qu/g, 'k')
    .replace(/C([aou])/g, 'K$1')
    .replace(/c$/g, 'k')
    .replace(/c([aouá])/g, 'k$1');
}
