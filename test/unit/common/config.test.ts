import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/common/config.js';

describe('loadConfig', () => {
  it('needs nothing set: the embedded database in ./data on port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, host: '0.0.0.0', databaseUrl: undefined, dataDir: './data', production: false, introspection: true, trustProxy: undefined });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes a blank variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 4000, databaseUrl: undefined });
  });

  it('turns off introspection in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it.each([
    ['true', true],
    ['FALSE', false],
    ['2', 2],
    ['loopback', 'loopback'],
    ['10.0.0.0/8, 192.168.0.1', '10.0.0.0/8, 192.168.0.1'],
  ])('reads TRUST_PROXY=%s as Express takes it', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it('takes SMTP_URL only as a whole smtp:// or smtps:// URL, and never repeats its password', () => {
    expect(loadConfig({ SMTP_URL: 'smtp://w4r:s3cret@mail.example.edu:587' }).email.smtpUrl).toBe('smtp://w4r:s3cret@mail.example.edu:587');
    for (const bad of ['smtp://w4r:s3cret@mail example.edu', 'smtp://w4r:s3cret@', 'https://w4r:s3cret@mail.example.edu', 'smtp://w4r:s3cret@mail.example.edu:99999']) {
      let refused: unknown;
      try {
        loadConfig({ SMTP_URL: bad });
      } catch (error) {
        refused = error;
      }
      expect(refused, bad).toBeInstanceOf(ConfigError);
      expect((refused as Error).message).toContain('SMTP_URL: must be an smtp:// or smtps:// URL');
      expect((refused as Error).message).not.toContain('s3cret');
    }
  });

  it('refuses bad values with a sentence per variable', () => {
    let refused: unknown;
    try {
      loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', METRICS_TOKEN: 'short' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ConfigError);
    const message = (refused as ConfigError).message;
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toContain('PORT:');
    expect(message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// connection URL');
    expect(message).toContain('METRICS_TOKEN: must be at least 16 characters');
  });
});
