/**
 * PostGraphile v5 (Amber preset, Node HTTP via grafserv) over the benchmark database, exposing
 * only the `postgraphile_bench` schema: its `submitPledge` mutation does what one pledge does.
 * Env: DATABASE_URL, PORT, DATABASE_POOL_SIZE (the same pool size the service gets).
 */
import './node20-polyfills.js';
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['postgraphile_bench'],
      poolConfig: { max: Number(process.env.DATABASE_POOL_SIZE ?? 20) },
    }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server);
server.listen(Number(process.env.PORT), '127.0.0.1');

process.on('SIGTERM', () => {
  server.close();
  Promise.resolve(serv.release()).then(() => pgl.release()).finally(() => process.exit(0));
});
