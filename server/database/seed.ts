import { type DataSource } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity.js';
import { Case } from '../cases/case.entity.js';
import { Event } from '../events/event.entity.js';
import { Faculty } from '../faculties/faculty.entity.js';
import { PickupPoint } from '../kits/pickup-point.entity.js';
import { seedCampaign, seedCases, seedEvent, seedFaculties, seedPickupPoints } from './seed-data.js';

/**
 * Puts the first campaign, its cases, the faculties, a sample event and the pickup points in
 * place. Runs at every start: rows that exist are left as they are, so organisers' edits stay.
 */
export async function seed(dataSource: DataSource): Promise<void> {
  const insertIgnoringExisting = <T extends object>(entity: new () => T, rows: object[]) =>
    dataSource.createQueryBuilder().insert().into(entity).values(rows).orIgnore().execute();

  const hasCurrent = await dataSource.getRepository(Campaign).existsBy({ current: true });
  await insertIgnoringExisting(Campaign, [{ ...seedCampaign, current: !hasCurrent }]);
  const campaign = await dataSource.getRepository(Campaign).findOneByOrFail({ slug: seedCampaign.slug });

  await insertIgnoringExisting(
    Case,
    seedCases.map((seedCase, position) => ({ ...seedCase, campaignId: campaign.id, position })),
  );
  await insertIgnoringExisting(Faculty, seedFaculties);
  await insertIgnoringExisting(Event, [
    { ...seedEvent, campaignId: campaign.id, startsAt: new Date(seedEvent.startsAt), endsAt: new Date(seedEvent.endsAt) },
  ]);
  await insertIgnoringExisting(PickupPoint, seedPickupPoints);
}
