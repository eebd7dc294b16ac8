import { kitOrderInput } from './kit-orders.js';

/** What one student sent: each of these must stay out of every log line. */
export const PROBE = {
  name: 'Probe Hendrickx',
  email: 'probe.hendrickx@vub.be',
  street: 'Probestraat 77',
  // Letters that no request id (hex) or timestamp holds, so that only the sent value can match;
  // a Dutch code, which may have letters (a Belgian one is four digits).
  postalCode: 'PQ-9977',
  city: 'Probeville',
};
export const probeOrder = () =>
  kitOrderInput(PROBE.name, PROBE.email, {
    language: 'nl',
    delivery: { method: 'POST', address: { line1: PROBE.street, postalCode: PROBE.postalCode, city: PROBE.city, country: 'NL' } },
  });

/** Every captured log line that holds any of the probe's values, case-insensitively. */
export function linesWithProbe(logs: Record<string, unknown>[]): string[] {
  const values = Object.values(PROBE).map((value) => value.toLowerCase());
  return logs.map((line) => JSON.stringify(line)).filter((line) => values.some((value) => line.toLowerCase().includes(value)));
}
