import { stringify } from 'csv-stringify/sync';
import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import { type TokenService } from '../auth/token.service.js';
import { badUserInput, ErrorCode } from '../common/errors.js';
import { allowOnly, sendHttpError } from '../common/http-errors.js';
import { type Logger } from '../common/logger.js';
import { ORGANISERS, PARTNERS, type Role, type Viewer } from '../common/viewer.js';
import { KitOrderStatus } from '../kits/kit-order.entity.js';
import { type KitOrderService } from '../kits/kit-order.service.js';
import { SMALL_GROUP_MIN_PLEDGES } from '../totals/small-group.rule.js';
import { type TotalsScope, type TotalsService } from '../totals/totals.service.js';
import { spreadsheetSafe } from './spreadsheet-safe.js';

type Handler = (req: Request, res: Response, viewer: Viewer) => Promise<void>;

const KIT_ORDER_COLUMNS = ['reference', 'status', 'created_at', 'contact_name', 'contact_email', 'kits', 'language', 'faculty', 'delivery_method', 'pickup_point', 'address_line1', 'address_line2', 'postal_code', 'city', 'country_code'];

/**
 * CSV exports over HTTP with a token: totals per case and faculty, the report back to Amnesty
 * (partners and organisers), and kit orders for fulfilment (organisers only). The figures come
 * from the services the API uses, so an export says what the API says. UTF-8 with a byte-order
 * mark, so spreadsheet programs read names with accents right; every cell goes through
 * `spreadsheetSafe`, so that no text a student or organiser typed runs as a formula, and every
 * text cell is quoted.
 */
export function exportRouter(options: { tokens: TokenService; totals: TotalsService; kitOrders: KitOrderService; logger: Logger }): Router {
  const { tokens, totals, kitOrders, logger } = options;
  const router = express.Router();
  // Each file is a GET; another method is told so (405), the CORS preflight aside.
  const getOnly = allowOnly('GET', 'HEAD');

  const guarded = (roles: Role[], handler: Handler) => async (req: Request, res: Response) => {
    try {
      const viewer = await tokens.viewerFor(req.header('authorization'));
      if (!roles.includes(viewer.role)) {
        const code = viewer.tokenId ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED;
        const forbidden = code === ErrorCode.FORBIDDEN;
        sendHttpError(res, forbidden ? 403 : 401, forbidden ? 'Your token does not allow this export.' : 'Send a token as "Authorization: Bearer <token>".', code);
        return;
      }
      await handler(req, res, viewer);
    } catch (error) {
      if (error instanceof GraphQLError) {
        const code = String(error.extensions.code);
        const status = code === ErrorCode.UNAUTHENTICATED ? 401 : code === ErrorCode.NOT_FOUND ? 404 : 400;
        sendHttpError(res, status, error.message, code);
        return;
      }
      logger.error({ err: error }, 'export failed');
      sendHttpError(res, 500, 'Something went wrong on our side.', 'INTERNAL_SERVER_ERROR');
    }
  };

  const sendCsv = (res: Response, filename: string, rows: unknown[][]) => {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    // Every text cell in quotes as well, so that a spreadsheet that guesses another separator
    // (a semicolon, a tab) never splits one, nor a line break in it starts a row.
    res.send(stringify(rows.map((row) => row.map(spreadsheetSafe)), { bom: true, record_delimiter: 'windows', quoted_string: true }));
  };
  const campaignOf = (req: Request) => (typeof req.query.campaign === 'string' ? req.query.campaign : null);

  const textOf = (req: Request, name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : null);
  const scopeOf = (req: Request) => totals.resolveScope({ campaign: textOf(req, 'campaign'), event: textOf(req, 'event') });
  const fileName = (scope: TotalsScope, eventSlug: string | null, what: string) => `${scope.campaign.slug}${eventSlug ? `-${eventSlug}` : ''}-${what}.csv`;
  // A withheld row keeps no numbers; its note says why (see the small-group rule).
  const withheldNote = (row: { withheld: boolean; fewerThanFive: boolean }) =>
    !row.withheld ? '' : row.fewerThanFive ? `fewer than ${SMALL_GROUP_MIN_PLEDGES} pledges` : 'withheld so that a smaller faculty cannot be worked out';
  const numbers = (row: { withheld: boolean; appealLetters: number; solidarityCards: number; total: number }) =>
    row.withheld ? ['', '', ''] : [row.appealLetters, row.solidarityCards, row.total];

  // One layout per file (docs/partners.md): detail rows only, never a subtotal among them.
  router.route('/export/totals.csv').get(
    guarded(PARTNERS, async (req, res, viewer) => {
      const scope = await scopeOf(req);
      const rows = await totals.byCaseAndFaculty(viewer, scope);
      sendCsv(res, fileName(scope, textOf(req, 'event'), 'totals'), [
        ['campaign', 'event', 'case_slug', 'case', 'country', 'faculty_slug', 'faculty', 'appeal_letters', 'solidarity_cards', 'total', 'note'],
        ...rows.map((row) => [scope.campaign.slug, textOf(req, 'event') ?? '', row.case.slug, row.case.name, row.case.country, row.faculty.slug, row.faculty.name, ...numbers(row), withheldNote(row)]),
      ]);
    }),
  ).all(getOnly);

  router.route('/export/cases.csv').get(
    guarded(PARTNERS, async (req, res) => {
      const scope = await scopeOf(req);
      const whole = await totals.read(scope);
      sendCsv(res, fileName(scope, textOf(req, 'event'), 'cases'), [
        ['campaign', 'event', 'case_slug', 'case', 'country', 'appeal_letters', 'solidarity_cards', 'total'],
        ...whole.cases.map((row) => [scope.campaign.slug, textOf(req, 'event') ?? '', row.case.slug, row.case.name, row.case.country, row.appealLetters, row.solidarityCards, row.total]),
      ]);
    }),
  ).all(getOnly);

  router.route('/export/faculties.csv').get(
    guarded(PARTNERS, async (req, res, viewer) => {
      const scope = await scopeOf(req);
      const rows = [...(await totals.byFaculty(viewer, scope))].sort((a, b) => a.faculty.name.localeCompare(b.faculty.name));
      sendCsv(res, fileName(scope, textOf(req, 'event'), 'faculties'), [
        ['campaign', 'event', 'faculty_slug', 'faculty', 'pledges', 'appeal_letters', 'solidarity_cards', 'total', 'note'],
        ...rows.map((row) => [scope.campaign.slug, textOf(req, 'event') ?? '', row.faculty.slug, row.faculty.name, row.withheld ? '' : row.pledges, ...numbers(row), withheldNote(row)]),
      ]);
    }),
  ).all(getOnly);

  router.route('/export/kit-orders.csv').get(
    guarded(ORGANISERS, async (req, res) => {
      const status = Object.values(KitOrderStatus).find((value) => value === String(req.query.status ?? '').toLowerCase()) ?? null;
      if (req.query.status && !status) {
        throw badUserInput([{ field: 'status', message: `Unknown status; use one of ${Object.values(KitOrderStatus).join(', ')}.` }]);
      }
      const { campaignSlug, orders } = await kitOrders.listAll({ campaign: campaignOf(req), status });
      sendCsv(res, `${campaignSlug}-kit-orders.csv`, [
        KIT_ORDER_COLUMNS,
        ...orders.map((order) => [
          order.reference,
          order.status,
          order.createdAt.toISOString(),
          order.contactName,
          order.contactEmail,
          order.kits,
          order.language,
          order.faculty?.name ?? null,
          order.deliveryMethod,
          order.pickupPoint?.name ?? null,
          order.addressLine1,
          order.addressLine2,
          order.postalCode,
          order.city,
          order.countryCode,
        ]),
      ]);
    }),
  ).all(getOnly);

  return router;
}
