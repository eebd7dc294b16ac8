import { type DataSource } from 'typeorm';

/** The SQL of campaigns beyond what the repository does. */

/** Makes a campaign the current one, in one statement; its id, or null for an unknown slug. */
export async function setCurrentCampaign(dataSource: DataSource, slug: string): Promise<number | null> {
  const [row] = await dataSource.query<{ id: number | null }[]>('SELECT set_current_campaign($1) AS id', [slug]);
  return row?.id ?? null;
}
