import { type AdminSession } from '../../composables/useAdminSession';

/**
 * What /admin hands every tab (AdminView.vue lists them): the signed-in session (its `request`
 * adds the organiser's token), the chosen campaign (null: the current one) and its title.
 * A new tab takes these props, so adding one is a component and a line in that list.
 */
export type AdminTabProps = {
  session: AdminSession;
  campaign: string | null;
  campaignTitle: string;
};
