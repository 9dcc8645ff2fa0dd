/** Commander argument parser for an option that may be given several times (`--role a --role b`). */
export function collectRepeated(value: string, previous: string[]): string[] {
  return [...previous, value];
}
