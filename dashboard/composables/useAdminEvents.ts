import { type Ref } from 'vue';
import {
  CreateEventDocument,
  ListAdminEventsDocument,
  UpdateEventDocument,
  type AdminEventFragment as AdminEvent,
  type EventInput,
} from '../graphql/generated/admin';
import { useAdminEditor } from './useAdminEditor';
import { type AdminRequest } from './useAdminSession';

/** The event form: times as `<input type="datetime-local">` holds them, in the browser's time zone. */
export type EventForm = { slug: string; title: string; location: string; startsAt: string; endsAt: string; letterGoal: string };
const EVENT_FIELDS = ['slug', 'title', 'location', 'startsAt', 'endsAt', 'letterGoal'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a datetime-local value ("2026-12-10T14:00") in the browser's time zone. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as an ISO instant; null when empty, so the server names the missing time. */
function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function eventInput(form: EventForm): EventInput {
  return {
    slug: form.slug.trim(),
    title: form.title,
    location: form.location.trim() || null,
    startsAt: fromLocalInput(form.startsAt),
    endsAt: fromLocalInput(form.endsAt),
    // Empty: no goal of its own. Anything else goes to the server as typed, which names a bad number.
    letterGoal: form.letterGoal.trim() === '' ? null : Number(form.letterGoal),
  };
}

/** Creating and editing the campus events of the chosen campaign. */
export function useAdminEvents(request: AdminRequest, campaign: Ref<string | null>) {
  return useAdminEditor<AdminEvent, EventForm>({
    campaign,
    headingId: 'admin-event-heading',
    fields: EVENT_FIELDS,
    list: async () => (await request(ListAdminEventsDocument, { campaign: campaign.value })).events,
    blank: () => ({ slug: '', title: '', location: '', startsAt: '', endsAt: '', letterGoal: '' }),
    toForm: (event) => ({
      slug: event.slug,
      title: event.title,
      location: event.location ?? '',
      startsAt: toLocalInput(event.startsAt),
      endsAt: toLocalInput(event.endsAt),
      letterGoal: event.letterGoal === null ? '' : String(event.letterGoal),
    }),
    create: async (form) => (await request(CreateEventDocument, { campaign: campaign.value, input: eventInput(form) })).createEvent,
    update: async (slug, form) => (await request(UpdateEventDocument, { slug, input: eventInput(form) })).updateEvent,
  });
}
