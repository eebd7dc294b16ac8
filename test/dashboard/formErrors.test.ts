import { describe, expect, it } from 'vitest';
import { kitFieldErrors, kitOrderInput, type KitOrderForm } from '../../dashboard/composables/useKitOrder';
import { pledgeFieldErrors } from '../../dashboard/composables/usePledgeForm';
import { GraphQLRequestError, readGraphQLResponse } from '../../dashboard/graphql/request';

describe(readGraphQLResponse.name, () => {
  it('returns the data of a good answer', () => {
    expect(readGraphQLResponse(200, { data: { ok: true } })).toEqual({ ok: true });
  });

  it('classifies bad input as refused, with every issue', () => {
    const issues = [
      { field: 'input.email', message: 'Enter a valid email address, e.g. name@vub.be.' },
      { field: 'input.kits', message: 'Order at least one kit.' },
    ];
    const error = catchError(() =>
      readGraphQLResponse(200, { data: null, errors: [{ message: issues[0]!.message, extensions: { code: 'BAD_USER_INPUT', field: 'input.email', issues } }] }),
    );
    expect(error.kind).toBe('rejected');
    expect(error.retryable).toBe(false);
    expect(error.issues).toEqual(issues);
  });

  it('classifies an unavailable database, rate limits and proxy error pages as worth retrying', () => {
    for (const code of ['SERVICE_UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR']) {
      expect(catchError(() => readGraphQLResponse(200, { errors: [{ message: 'x', extensions: { code } }] })).retryable).toBe(true);
    }
    expect(catchError(() => readGraphQLResponse(502, null)).kind).toBe('network');
  });
});

describe(pledgeFieldErrors.name, () => {
  it('puts each issue on the case and count it belongs to', () => {
    const input = {
      lines: [
        { case: 'zhang-zhan', appealLetters: 1, solidarityCards: 0 },
        { case: 'janna-jihad', appealLetters: 150, solidarityCards: 0 },
      ],
    };
    expect(
      pledgeFieldErrors(input, [
        { field: 'input.lines.1.appealLetters', message: 'At most 100 appeal letters per person in one pledge.' },
        { field: 'input.faculty', message: 'There is no faculty "x".' },
        { field: 'input.event', message: 'There is no event "y" in this campaign.' },
        { field: 'input.lines.0.case', message: 'There is no case "zhang-zhan" in this campaign.' },
      ]),
    ).toEqual({
      'janna-jihad.appealLetters': 'At most 100 appeal letters per person in one pledge.',
      faculty: 'There is no faculty "x".',
      form: 'There is no event "y" in this campaign.',
      'zhang-zhan': 'There is no case "zhang-zhan" in this campaign.',
    });
  });
});

describe(kitFieldErrors.name, () => {
  it('maps nested delivery paths to the form fields', () => {
    expect(
      kitFieldErrors([
        { field: 'input.delivery.address.postalCode', message: 'Enter a postal code, e.g. 1050.' },
        { field: 'input.delivery.pickupPoint', message: 'Choose where you will pick up your kits.' },
        { field: 'input.consent', message: 'Please agree.' },
        { field: 'input.locale', message: 'Odd locale.' },
      ]),
    ).toEqual({
      postalCode: 'Enter a postal code, e.g. 1050.',
      pickupPoint: 'Choose where you will pick up your kits.',
      consent: 'Please agree.',
      form: 'Odd locale.',
    });
  });
});

describe(kitOrderInput.name, () => {
  const form: KitOrderForm = {
    name: 'Sam',
    email: 'sam@vub.be',
    faculty: '',
    kits: 2,
    language: 'nl',
    method: 'PICKUP',
    pickupPoint: 'jette-library',
    line1: 'Pleinlaan 2',
    line2: '',
    postalCode: '1050',
    city: 'Brussels',
    country: 'BE',
    consent: true,
    website: '',
  };

  it('sends only the details of the chosen delivery', () => {
    expect(kitOrderInput(form, 'en').delivery).toEqual({ method: 'PICKUP', pickupPoint: 'jette-library' });
    expect(kitOrderInput({ ...form, method: 'POST' }, 'fr')).toMatchObject({
      faculty: null,
      locale: 'fr',
      delivery: { method: 'POST', address: { line1: 'Pleinlaan 2', line2: null, postalCode: '1050', city: 'Brussels', country: 'BE' } },
    });
  });
});

function catchError(run: () => unknown): GraphQLRequestError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLRequestError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLRequestError');
}
