import { ref, watch, type Ref } from 'vue';
import { type EmbedChoice } from '../graphql/embed';
import { ListEmbedChoicesDocument } from '../graphql/generated/embed';
import { type AdminRequest } from './useAdminSession';

/** What the widget snippet in /admin can show: the chosen campaign's events and every faculty. */
export function useEmbedChoices(request: AdminRequest, campaign: Ref<string | null>) {
  const events = ref<EmbedChoice[]>([]);
  const faculties = ref<EmbedChoice[]>([]);
  async function load(): Promise<void> {
    try {
      const result = await request(ListEmbedChoicesDocument, { campaign: campaign.value });
      events.value = result.events.map((event) => ({ slug: event.slug, name: event.title }));
      faculties.value = result.faculties;
    } catch {
      // The snippet still offers the whole campaign; the lists come with the next campaign change.
    }
  }
  watch(campaign, load, { immediate: true });
  return { events, faculties };
}
