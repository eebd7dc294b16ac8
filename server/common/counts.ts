/** What a pledge, a line, a tally or a chart bucket counts. */
export type Counts = { appealLetters: number; solidarityCards: number };

/** The one definition of a total: appeal letters plus solidarity cards. */
export function totalOf(counts: Counts): number {
  return counts.appealLetters + counts.solidarityCards;
}

/** The counts with their total beside them, as every type of the API that has counts shows them. */
export function withTotal<T extends Counts>(counts: T): T & { total: number } {
  return { ...counts, total: totalOf(counts) };
}
