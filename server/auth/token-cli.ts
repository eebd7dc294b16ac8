import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createDataSource, runMigrations } from '../database/data-source.js';
import { seed } from '../database/seed.js';
import { TokenService } from './token.service.js';
import { Role } from './viewer.js';

const usage = `Usage:
  npm run token -- create --role organiser --name "Amnesty VUB student group"
  npm run token -- create --role partner --faculty engineering --name "Engineering dashboard"
  npm run token -- list
  npm run token -- revoke <id>`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, name: { type: 'string' }, faculty: { type: 'string' } },
});
const [command, argument] = positionals;

const dataSource = createDataSource(loadConfig());
await dataSource.initialize();
try {
  await runMigrations(dataSource);
  await seed(dataSource);
  const tokens = new TokenService(dataSource);
  if (command === 'create') {
    const role = Object.values(Role).find((r) => r === values.role);
    if (!role || !values.name) throw new Error(`create needs --role (organiser or partner) and --name.\n${usage}`);
    const { token, record } = await tokens.create({ name: values.name, role, faculty: values.faculty });
    console.log(`Created ${record.role} token ${record.id} "${record.name}". It is shown only now:\n\n  ${token}\n`);
  } else if (command === 'list') {
    for (const token of await tokens.list()) {
      console.log(`${token.id}\t${token.role}\t${token.prefix}…\t${token.revokedAt ? 'revoked' : 'active'}\t${token.name}`);
    }
  } else if (command === 'revoke' && argument && /^\d+$/.test(argument)) {
    const token = await tokens.revoke(Number(argument));
    console.log(`Revoked token ${token.id} "${token.name}".`);
  } else {
    console.error(usage);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await dataSource.destroy();
}
