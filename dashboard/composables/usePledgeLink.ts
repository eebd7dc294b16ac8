import { computed, type Ref } from 'vue';

/** Host names that only this computer reaches: a QR code pointing there fails on every phone. */
const LOCAL_HOST = /^(localhost|127(\.\d+){3}|\[::1\]|::1|.*\.localhost)$/i;

/** Whether the QR code would point at an address phones cannot open (no PUBLIC_URL, page opened on this computer). */
export function unreachableFromPhones(publicUrl: string | null, hostname: string): boolean {
  return !publicUrl && LOCAL_HOST.test(hostname);
}

/**
 * The address for the QR code and the same address without its scheme, short enough to read
 * off a projector: an event's join address `/p/<code>` (which opens its pledge form), or the
 * pledge form itself for the whole campaign.
 */
export function usePledgeLink(publicUrl: Ref<string | null>, event: string | null, eventCode: Ref<string | null>) {
  const url = computed(() => {
    const base = publicUrl.value ?? window.location.origin;
    const root = base.endsWith('/') ? base : `${base}/`;
    if (event && eventCode.value) return new URL(`p/${eventCode.value}`, root).toString();
    const link = new URL('pledge', root);
    if (event) link.searchParams.set('event', event);
    return link.toString();
  });
  const shortUrl = computed(() => url.value.replace(/^https?:\/\//, '').replace(/^www\./, ''));
  const unreachable = computed(() => unreachableFromPhones(publicUrl.value, window.location.hostname));
  return { url, shortUrl, unreachable, host: computed(() => window.location.hostname) };
}
