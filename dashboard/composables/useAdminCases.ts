import { type Ref } from 'vue';
import {
  CreateCaseDocument,
  ListAdminCasesDocument,
  UpdateCaseDocument,
  type AdminCaseFragment as AdminCase,
  type CaseAsk,
  type CaseInput,
  type CaseStatus,
} from '../graphql/generated/admin';
import { useAdminEditor } from './useAdminEditor';
import { type AdminRequest } from './useAdminSession';

/** The case form: every field as text, as the inputs hold it. */
export type CaseForm = {
  slug: string;
  name: string;
  country: string;
  countryCode: string;
  reason: string;
  ask: CaseAsk;
  status: CaseStatus;
  statusNote: string;
  about: string;
  appealAddress: string;
  cardAddress: string;
  goal: string;
};
const CASE_FIELDS = [
  'slug',
  'name',
  'country',
  'countryCode',
  'reason',
  'ask',
  'status',
  'statusNote',
  'about',
  'appealAddress',
  'cardAddress',
  'goal',
] as const;

/** Empty optional fields are sent as null, which clears them; a goal that is not a number goes as is, for the server to name. */
function caseInput(form: CaseForm): CaseInput {
  const optional = (text: string) => text.trim() || null;
  const goal = form.goal.trim();
  return {
    slug: form.slug.trim(),
    name: form.name,
    country: form.country,
    countryCode: optional(form.countryCode),
    reason: form.reason,
    ask: form.ask,
    status: form.status,
    statusNote: optional(form.statusNote),
    about: optional(form.about),
    appealAddress: optional(form.appealAddress),
    cardAddress: optional(form.cardAddress),
    goal: goal === '' ? null : Number(goal),
  };
}

/** Editing the cases of the chosen campaign: good news, where letters and cards go, and the rest. */
export function useAdminCases(request: AdminRequest, campaign: Ref<string | null>) {
  return useAdminEditor<AdminCase, CaseForm>({
    campaign,
    headingId: 'admin-case-heading',
    fields: CASE_FIELDS,
    list: async () => (await request(ListAdminCasesDocument, { campaign: campaign.value })).cases,
    blank: () => ({
      slug: '',
      name: '',
      country: '',
      countryCode: '',
      reason: '',
      ask: 'RELEASE',
      status: 'AT_RISK',
      statusNote: '',
      about: '',
      appealAddress: '',
      cardAddress: '',
      goal: '',
    }),
    toForm: (item) => ({
      slug: item.slug,
      name: item.name,
      country: item.country,
      countryCode: item.countryCode ?? '',
      reason: item.reason,
      ask: item.ask,
      status: item.status,
      statusNote: item.statusNote ?? '',
      about: item.about ?? '',
      appealAddress: item.appealAddress ?? '',
      cardAddress: item.cardAddress ?? '',
      goal: item.goal === null ? '' : String(item.goal),
    }),
    create: async (form) => (await request(CreateCaseDocument, { campaign: campaign.value, input: caseInput(form) })).createCase,
    update: async (slug, form) => (await request(UpdateCaseDocument, { campaign: campaign.value, slug, input: caseInput(form) })).updateCase,
  });
}
