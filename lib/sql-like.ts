/** A LIKE/ILIKE pattern that matches `term` anywhere, with its own % _ \ taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
