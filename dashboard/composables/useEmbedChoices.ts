import { computed, ref, type Ref } from 'vue';
import { type EmbedChoice } from '../graphql/embed';
import { ListEmbedFacultiesDocument } from '../graphql/generated/embed';
import { type AdminRequest } from './useAdminSession';

/**
 * What the widget snippet in /admin can show: the events of the Events tab's own list (so an
 * event just created is offered at once) and every faculty.
 */
export function useEmbedChoices(request: AdminRequest, campaignEvents: Ref<readonly { slug: string; title: string }[]>) {
  const events = computed<EmbedChoice[]>(() => campaignEvents.value.map((event) => ({ slug: event.slug, name: event.title })));
  const faculties = ref<EmbedChoice[]>([]);
  request(ListEmbedFacultiesDocument, {})
    .then((result) => (faculties.value = result.faculties))
    .catch(() => {
      // The snippet still offers the whole campaign and its events.
    });
  return { events, faculties };
}
