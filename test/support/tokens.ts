import { Role } from '../../server/common/viewer.js';
import { type TestServer } from './server.js';

/** Bearer headers for an organiser and for a partner of `faculty`, made through the service. */
export async function createTokens(sut: TestServer, faculty = 'engineering') {
  const { tokens } = sut.app.services;
  const organiser = await tokens.create({ name: 'Test organiser', role: Role.ORGANISER });
  const partner = await tokens.create({ name: 'Test partner', role: Role.PARTNER, faculty });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  return {
    organiser: bearer(organiser.token),
    partner: bearer(partner.token),
    organiserToken: organiser.token,
    partnerToken: partner.token,
    partnerId: partner.record.id,
  };
}
