import { reactive, ref, watch, type Ref } from 'vue';
import {
  LoadKitFormDocument,
  OrderKitDocument,
  type KitDeliveryMethod,
  type KitOrderInput,
  type LoadKitFormQuery,
  type OrderKitMutation,
} from '../graphql/generated/kit';

/** The languages a kit's letter templates come in: the dashboard's own. */
export type KitLanguage = 'en' | 'nl' | 'fr';
export type KitOrderReceipt = OrderKitMutation['orderKit'];
import { GraphQLRequestError, graphqlRequest, issuesByField } from '../graphql/request';

export type KitOrderForm = {
  name: string;
  email: string;
  faculty: string;
  kits: number;
  language: KitLanguage;
  method: KitDeliveryMethod;
  pickupPoint: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  consent: boolean;
  /** The honeypot: people never see it, so it stays empty. */
  website: string;
};

/** The form as the server wants it: only the delivery details of the chosen method. */
export function kitOrderInput(form: KitOrderForm, locale: KitLanguage, fillTimeMs?: number): KitOrderInput {
  return {
    name: form.name,
    email: form.email,
    kits: Number.isFinite(form.kits) ? form.kits : 0,
    language: form.language,
    faculty: form.faculty || null,
    delivery:
      form.method === 'PICKUP'
        ? { method: 'PICKUP', pickupPoint: form.pickupPoint || null }
        : {
            method: 'POST',
            address: {
              line1: form.line1,
              line2: form.line2 || null,
              postalCode: form.postalCode,
              city: form.city,
              country: form.country || null,
            },
          },
    consent: form.consent,
    locale,
    website: form.website || null,
    fillTimeMs,
  };
}

/**
 * Server issues keyed by the form's field names (`name`, `postalCode`, `pickupPoint`, ...);
 * `form` holds what belongs to no field.
 */
export function kitFieldErrors(issues: { field: string; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(issuesByField(issues))) {
    const key = path.startsWith('delivery.address.')
      ? path.slice('delivery.address.'.length)
      : path === 'delivery.address'
        ? 'line1'
        : path.startsWith('delivery.')
          ? path.slice('delivery.'.length)
          : path;
    const known = ['name', 'email', 'faculty', 'kits', 'language', 'method', 'pickupPoint', 'line1', 'line2', 'postalCode', 'city', 'country', 'consent'];
    errors[known.includes(key) ? key : 'form'] ??= message;
  }
  return errors;
}

/** Ordering writing kits: the form's data, the consent text in the form's language, sending, the receipt. */
export function useKitOrder(locale: Ref<KitLanguage>) {
  const status = ref<'loading' | 'ready' | 'error'>('loading');
  const faculties = ref<LoadKitFormQuery['faculties']>([]);
  const pickupPoints = ref<LoadKitFormQuery['pickupPoints']>([]);
  const consentText = ref('');
  /** Whether the server emails students about their order; without it the page promises no email. */
  const emails = ref(false);
  const errors = ref<Record<string, string>>({});
  const submitting = ref(false);
  const receipt = ref<KitOrderReceipt | null>(null);
  /** Set when the order could not be sent at all (no connection), as opposed to refused. */
  const offline = ref(false);
  const form = reactive<KitOrderForm>({
    name: '',
    email: '',
    faculty: '',
    kits: 1,
    language: locale.value,
    method: 'PICKUP',
    pickupPoint: '',
    line1: '',
    line2: '',
    postalCode: '',
    city: '',
    country: 'BE',
    consent: false,
    website: '',
  });
  // Scripts send at once; the server refuses a form sent faster than a person can fill it in.
  const shownAt = Date.now();

  async function load(): Promise<void> {
    // A reload for a new language keeps the form on screen while it asks.
    if (status.value !== 'ready') status.value = 'loading';
    try {
      const data = await graphqlRequest(LoadKitFormDocument, { locale: locale.value });
      faculties.value = data.faculties;
      pickupPoints.value = data.pickupPoints;
      consentText.value = data.kitOrderConsent;
      emails.value = data.kitOrderEmails;
      if (!form.pickupPoint && data.pickupPoints.length === 1) form.pickupPoint = data.pickupPoints[0]!.slug;
      status.value = 'ready';
    } catch {
      status.value = 'error';
    }
  }

  // The consent stored with the order is the one in the form's language, so show that one, with
  // the pickup points and faculties in that language too.
  watch(locale, () => void load());

  /** Sends the order once. Kit orders are not retried on their own: they carry no key that makes a resend safe. */
  async function submit(): Promise<boolean> {
    if (submitting.value) return false;
    submitting.value = true;
    errors.value = {};
    offline.value = false;
    try {
      const { orderKit } = await graphqlRequest(OrderKitDocument, { input: kitOrderInput(form, locale.value, Date.now() - shownAt) });
      receipt.value = orderKit;
      return true;
    } catch (error) {
      // The server words its refusals in the page's language (the order's locale, and
      // Accept-Language): its sentence is shown as it is, on its field or for the whole form.
      if (error instanceof GraphQLRequestError && error.kind === 'rejected') {
        const byField = kitFieldErrors(error.issues);
        errors.value = Object.keys(byField).length > 0 ? byField : { form: error.message };
      } else if (error instanceof GraphQLRequestError && error.code === 'RATE_LIMITED') {
        // Sent, and answered: "wait N seconds", not "no connection".
        errors.value = { form: error.message };
      } else {
        offline.value = true;
      }
      return false;
    } finally {
      submitting.value = false;
    }
  }

  return { status, faculties, pickupPoints, consentText, emails, form, errors, submitting, receipt, offline, load, submit };
}
