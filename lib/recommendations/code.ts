/** A recommendation's stable human code: the seminar's prefix and its position, e.g. 2015-R03. */
export function recommendationCode(prefix: string, position: number): string {
  return `${prefix}-R${String(position).padStart(2, '0')}`;
}
