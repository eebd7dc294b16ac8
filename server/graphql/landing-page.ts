import { type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';

/**
 * What a browser opening /graphql of a production server reads: what the address is for, how a
 * script calls it (at `address`, HTML already), and where the partners' guide is. Plain HTML with
 * no script and no style, so that it shows under the strict Content-Security-Policy of every
 * other page (security-headers.ts).
 */
const productionPage = (address: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>Write for Rights: the GraphQL API</title>
    <link rel="icon" href="/icons/icon.svg" type="image/svg+xml">
  </head>
  <body>
    <main>
      <h1>Write for Rights: the GraphQL API</h1>
      <p>This address answers GraphQL requests from scripts and dashboards: send a <strong>POST</strong>
        with a JSON body and <code>content-type: application/json</code>, for example</p>
      <pre><code>curl -H 'content-type: application/json' \\
     --data '{"query": "{ totals { appealLetters solidarityCards total } }"}' \\
     ${address}</code></pre>
      <p>Partner faculties send their token as <code>authorization: Bearer &lt;token&gt;</code>. The partners' guide,
        <code>docs/partners.md</code>, with the schema (<code>schema/schema.graphql</code>), comes with the
        service's source; the organisers can send it to you. It describes the totals, the live updates over
        WebSocket on this same address, the CSV exports, the errors and the limits.</p>
      <p><a href="/">Back to Write for Rights</a></p>
    </main>
  </body>
</html>
`;

/**
 * The page of GET /graphql for a browser (Apollo's `renderLandingPage`), chosen by the service's
 * own NODE_ENV (config) rather than Apollo's reading of it. Outside production: Apollo Sandbox,
 * Apollo's default there, under the policy security-headers.ts gives it. In production: our own
 * page above. Apollo's production default (`ApolloServerPluginLandingPageProductionDefault`,
 * `embed: false` included) always loads its script and fonts from Apollo's and Google's hosts,
 * which no page of this service should need in production.
 */
export function landingPage(production: boolean, publicUrl: string | undefined): ApolloServerPlugin {
  if (!production) return ApolloServerPluginLandingPageLocalDefault();
  // The example names the service's address when PUBLIC_URL gives it.
  const html = productionPage(publicUrl ? escapeHtml(new URL('graphql', publicUrl.replace(/\/?$/, '/')).href) : '&lt;this address&gt;');
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
