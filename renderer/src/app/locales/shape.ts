/** The same keys as T, each text a string: what the English catalogue must match of the Spanish. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/**
 * A feature's texts (renderer/src/features/<f>/messages.ts), Spanish first. The type makes the
 * English texts have exactly the Spanish keys: a key missing or extra in one language does not
 * compile.
 */
export function featureMessages<const T>(messages: { es: T; en: Shape<T> }): { es: T; en: Shape<T> } {
  return messages;
}
