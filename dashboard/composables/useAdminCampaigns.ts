import { computed, ref } from 'vue';
import { ListCampaignsDocument, type ListCampaignsQuery } from '../graphql/generated/admin';
import { type AdminRequest } from './useAdminSession';

/** The editions to choose from; the current one is chosen first. */
export function useAdminCampaigns(request: AdminRequest) {
  const campaigns = ref<ListCampaignsQuery['campaigns']>([]);
  /** The chosen campaign's slug; null (the current campaign) until the list is in. */
  const selected = ref<string | null>(null);
  /** Whether the list has been asked for (answered or not), so that lists load for the right campaign. */
  const ready = ref(false);
  const current = computed(() => campaigns.value.find((campaign) => campaign.slug === selected.value) ?? null);

  async function load(): Promise<void> {
    try {
      campaigns.value = (await request(ListCampaignsDocument)).campaigns;
      selected.value ??= campaigns.value.find((campaign) => campaign.current)?.slug ?? campaigns.value[0]?.slug ?? null;
    } catch {
      // Without the list, everything works on the current campaign.
    } finally {
      ready.value = true;
    }
  }

  return { campaigns, selected, current, ready, load };
}
