/**
 * The address a case sheet's QR code opens: the case page, with the event it was printed for,
 * where "I wrote it" counts the letter for that event, and the campaign when it is not the
 * current one (case slugs are unique within a campaign only). On the address phones reach the
 * server at (PUBLIC_URL), else the one this page came from.
 */
export function caseSheetUrl(publicUrl: string | null, slug: string, event: string | null, campaign: string | null = null): string {
  const url = new URL(`/cases/${encodeURIComponent(slug)}`, publicUrl ?? window.location.origin);
  if (event) url.searchParams.set('event', event);
  if (campaign) url.searchParams.set('campaign', campaign);
  return url.toString();
}
