import { requiredText } from '../common/validation.js';

/** The rules of a campaign's texts, in every language: CampaignInput checks the English ones, the content editor each translation. */
export const campaignTextRules = {
  title: requiredText(120, 'Give the campaign a title.'),
};
