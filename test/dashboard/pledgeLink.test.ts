import { describe, expect, it } from 'vitest';
import { unreachableFromPhones } from '../../dashboard/composables/usePledgeLink';

describe(unreachableFromPhones.name, () => {
  it('warns when the QR code would point at this computer', () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]', 'app.localhost']) expect(unreachableFromPhones(null, host)).toBe(true);
  });

  it('is quiet with PUBLIC_URL, or when the page was opened at an address phones can reach', () => {
    expect(unreachableFromPhones('https://marathon.vub.be', 'localhost')).toBe(false);
    expect(unreachableFromPhones(null, 'marathon.vub.be')).toBe(false);
    expect(unreachableFromPhones(null, '10.0.0.12')).toBe(false);
  });
});
