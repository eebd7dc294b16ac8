/**
 * An event's short code, for the join address `/p/<code>` shown under the projector's QR code.
 * It is worked out from the event's id, so it never changes (not when the slug or title is
 * edited), needs no column, and two events never share one. Four characters for the first
 * 923,521 events: the id is scrambled (an invertible multiplication) so that neighbouring
 * events do not get neighbouring codes. The alphabet leaves out 0/o, 1/i/l, which people misread.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const BASE = ALPHABET.length;
const SPACE = BASE ** 4;
const MULTIPLIER = 7919;
const OFFSET = 104_729;
/** Event ids are PostgreSQL integers: a longer code can stand for no event. */
const MAX_EVENT_ID = 2 ** 31 - 1;

/** MULTIPLIER's inverse modulo SPACE (31 is prime and does not divide 7919, so it exists). */
const INVERSE = (() => {
  let [oldR, r] = [MULTIPLIER, SPACE];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % SPACE) + SPACE) % SPACE;
})();

function encode(value: number, width: number): string {
  let code = '';
  for (let rest = value; rest > 0 || code.length < width; rest = Math.floor(rest / BASE)) code = ALPHABET[rest % BASE]! + code;
  return code;
}

export function eventCode(id: number): string {
  return id < SPACE ? encode((id * MULTIPLIER + OFFSET) % SPACE, 4) : encode(id, 5);
}

/** The event id a code stands for, or null when no event could have it. */
export function eventIdFromCode(code: string): number | null {
  const text = code.toLowerCase();
  if (!/^[a-z2-9]{4,8}$/.test(text)) return null;
  let value = 0;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = value * BASE + digit;
  }
  // Products stay below 2^53: SPACE * INVERSE is under 10^12.
  if (text.length === 4) return ((((value - OFFSET) % SPACE) + SPACE) % SPACE) * INVERSE % SPACE;
  return value >= SPACE && value <= MAX_EVENT_ID && encode(value, 5) === text ? value : null;
}
