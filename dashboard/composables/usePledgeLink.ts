import { computed, type Ref } from 'vue';

/**
 * The address of the pledge form with the event preset, for the QR code, and the same address
 * without its scheme, short enough to read off a projector.
 */
export function usePledgeLink(publicUrl: Ref<string | null>, event: string | null) {
  const url = computed(() => {
    const base = publicUrl.value ?? window.location.origin;
    const link = new URL('pledge', base.endsWith('/') ? base : `${base}/`);
    if (event) link.searchParams.set('event', event);
    return link.toString();
  });
  const shortUrl = computed(() => url.value.replace(/^https?:\/\//, '').replace(/^www\./, ''));
  return { url, shortUrl };
}
