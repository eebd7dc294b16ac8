/**
 * The layers of the code, checked by `npm run lint` (docs/architecture.md draws them).
 *
 * server/: main.ts and cli/ start things; app.ts builds everything; graphql/, http/ and
 * database/ stand on the features; the features stand on each other (through services and
 * public types only, never in a circle) and on common/, which stands on nothing of ours.
 * dashboard/: views -> components -> composables -> graphql, never back.
 */

/** Every feature folder of the server. */
const FEATURES = '(auth|campaigns|cases|content|email|events|exports|faculties|kits|partners|pledges|site|totals)';
const FEATURE = `^server/${FEATURES}/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files that import each other cannot be understood, tested or loaded one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      comment: 'No folder imports a folder that imports it back: each folder can be read on its own.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(server|dashboard)/' },
      to: { circular: true },
    },
    {
      name: 'common-stands-alone',
      comment: 'common/ is what every feature may use, so it uses nothing of the project but itself.',
      severity: 'error',
      from: { path: '^server/common/' },
      to: { path: '^(server|migrations|dashboard)/', pathNot: '^server/common/' },
    },
    {
      name: 'features-stay-below-the-transports',
      comment:
        'Features are assembled by graphql/, http/, database/ (its entity list) and app.ts, and never reach back up: they are handed what they need by constructor.',
      severity: 'error',
      from: { path: FEATURE },
      to: { path: '^server/(graphql|http|database|cli)/|^server/(app|main)\\.ts$|^migrations/' },
    },
    {
      name: 'features-meet-through-services',
      comment:
        "A feature uses another through its service and its public types (entities, GraphQL types, rules), never through its queries, resolvers or internals.",
      severity: 'error',
      from: { path: FEATURE },
      to: { path: FEATURE, pathNot: ['^server/$1/', '\\.(entity|service|types|rule|rules)\\.ts$'] },
    },
    {
      name: 'database-knows-features-by-entities-only',
      comment: 'The database layer maps the entities (database/entities.ts) and knows nothing else of the features.',
      severity: 'error',
      from: { path: '^server/database/', pathNot: '^server/database/entities\\.ts$' },
      to: { path: FEATURE },
    },
    {
      name: 'entity-list-lists-entities',
      severity: 'error',
      from: { path: '^server/database/entities\\.ts$' },
      to: { path: FEATURE, pathNot: '\\.entity\\.ts$' },
    },
    {
      name: 'only-entries-start-the-app',
      comment: 'The composition root is started by main.ts and the commands in cli/, and by nothing else.',
      severity: 'error',
      from: { path: '^server/', pathNot: '^server/(main\\.ts$|cli/)' },
      to: { path: '^server/(app|main)\\.ts$|^server/cli/' },
    },
    {
      name: 'dashboard-components-below-views',
      severity: 'error',
      from: { path: '^dashboard/components/' },
      to: { path: '^dashboard/views/' },
    },
    {
      name: 'dashboard-composables-below-components',
      severity: 'error',
      from: { path: '^dashboard/composables/' },
      to: { path: '^dashboard/(views|components)/' },
    },
    {
      name: 'dashboard-graphql-at-the-bottom',
      severity: 'error',
      from: { path: '^dashboard/graphql/' },
      to: { path: '^dashboard/(views|components|composables)/' },
    },
    {
      name: 'server-and-dashboard-apart',
      comment: 'The dashboard talks to the server over GraphQL only; neither imports the other.',
      severity: 'error',
      from: { path: '^(server|dashboard)/' },
      to: { path: '^(server|dashboard)/', pathNot: '^$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.mjs', '.vue', '.json'],
    },
  },
};
