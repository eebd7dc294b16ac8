import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Personal data never goes into a log line: kit-order contact fields are
 * redacted wherever they might appear, as a second line of defence behind not logging them.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'writing-marathon' },
      redact: {
        paths: ['*.email', '*.contactName', '*.contactEmail', '*.address', '*.postalAddress'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
