import { type AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One message as the test mail server received it, with its headers and text decoded. */
type ReceivedMail = { to: string[]; from: string; subject: string; text: string; headers: Record<string, string> };

/** Decodes RFC 2047 words (=?UTF-8?Q?...?= and =?UTF-8?B?...?=) in a header. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

/** A single-part plain-text message, as nodemailer writes one, read back. */
function parse(raw: string, session: SMTPServerSession): ReceivedMail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  let body = rest.join('\n\n');
  const encoding = headers['content-transfer-encoding']?.toLowerCase();
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  } else if (encoding === 'base64') {
    body = Buffer.from(body, 'base64').toString('utf8');
  } else {
    body = Buffer.from(body, 'latin1').toString('utf8');
  }
  return {
    to: session.envelope.rcptTo.map((address) => address.address),
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    subject: headers.subject ?? '',
    text: body.replace(/\r\n/g, '\n'),
    headers,
  };
}

export type TestSmtpServer = {
  /** smtp://user:password@127.0.0.1:port, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Refuses the next `count` messages with this SMTP reply code (4xx: try later, 5xx: never). */
  refuseNext(count: number, responseCode: number): void;
  /** Resolves once a message matching `predicate` has arrived. */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
};

/** A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps what it receives. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let waiters: { predicate: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void }[] = [];
  let refusals: { count: number; responseCode: number } = { count: 0, responseCode: 0 };

  const server = new SMTPServer({
    // Plain SMTP with a login on loopback: what a test needs, and what nodemailer sends with an smtp:// URL.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'marathon' && auth.password === 'secret') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('latin1')));
      stream.on('end', () => {
        if (refusals.count > 0) {
          refusals.count--;
          const error = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: refusals.responseCode });
          return callback(error);
        }
        const mail = parse(raw, session);
        received.push(mail);
        waiters = waiters.filter((waiter) => {
          if (!waiter.predicate(mail)) return true;
          waiter.resolve(mail);
          return false;
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://marathon:secret@127.0.0.1:${port}`,
    received,
    refuseNext(count, responseCode) {
      refusals = { count, responseCode };
    },
    waitFor(predicate, timeoutMs = 20_000) {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such email within ${timeoutMs} ms; received: ${received.map((m) => m.subject).join(' | ')}`)), timeoutMs);
        waiters.push({ predicate, resolve: (mail) => (clearTimeout(timer), resolve(mail)) });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
