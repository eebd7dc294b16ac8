import { stringify } from 'csv-stringify/sync';
import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import { type DataSource } from 'typeorm';
import { type TokenService } from '../auth/token.service.js';
import { ORGANISERS, PARTNERS, type Role, type Viewer } from '../auth/viewer.js';
import { type CampaignService } from '../campaigns/campaign.service.js';
import { KitOrderStatus } from '../kits/kit-order.entity.js';
import { type Logger } from '../logger.js';
import { SMALL_GROUP_MIN_PLEDGES, withholds } from '../totals/small-group-rule.js';
import { spreadsheetSafe } from './spreadsheet-safe.js';

type Handler = (req: Request, res: Response, viewer: Viewer) => Promise<void>;

/**
 * CSV exports over HTTP with a token: totals per case and faculty, the report back to Amnesty
 * (partners and organisers), and kit orders for fulfilment (organisers only). UTF-8 with a
 * byte-order mark, so spreadsheet programs read names with accents right; every cell goes
 * through `spreadsheetSafe`, so that no text a student or organiser typed runs as a formula.
 */
export function exportRouter(options: { dataSource: DataSource; tokens: TokenService; campaigns: CampaignService; logger: Logger }): Router {
  const { dataSource, tokens, campaigns, logger } = options;
  const router = express.Router();

  const guarded = (roles: Role[], handler: Handler) => async (req: Request, res: Response) => {
    try {
      const viewer = await tokens.viewerFor(req.header('authorization'));
      if (!roles.includes(viewer.role)) {
        const code = viewer.tokenId ? 'FORBIDDEN' : 'UNAUTHENTICATED';
        res.status(code === 'FORBIDDEN' ? 403 : 401).json({
          errors: [{ message: code === 'FORBIDDEN' ? 'Your token does not allow this export.' : 'Send a token as "Authorization: Bearer <token>".', extensions: { code } }],
        });
        return;
      }
      await handler(req, res, viewer);
    } catch (error) {
      if (error instanceof GraphQLError) {
        const code = String(error.extensions.code);
        const status = code === 'UNAUTHENTICATED' ? 401 : code === 'NOT_FOUND' ? 404 : 400;
        res.status(status).json({ errors: [{ message: error.message, extensions: { code } }] });
        return;
      }
      logger.error({ err: error }, 'export failed');
      res.status(500).json({ errors: [{ message: 'Something went wrong on our side.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };

  const sendCsv = (res: Response, filename: string, rows: unknown[][]) => {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    res.send(stringify(rows.map((row) => row.map(spreadsheetSafe)), { bom: true, record_delimiter: 'windows' }));
  };

  router.get(
    '/export/totals.csv',
    guarded(PARTNERS, async (req, res, viewer) => {
      const campaign = await campaigns.get(typeof req.query.campaign === 'string' ? req.query.campaign : null);
      const rows = await dataSource.query<
        { case_name: string; country: string; faculty_id: number; faculty: string | null; pledges: number; appeal_letters: number; solidarity_cards: number }[]
      >(
        `SELECT c.name AS case_name, c.country, t.faculty_id, f.name AS faculty, coalesce(max(s.pledges), 0)::int AS pledges,
                coalesce(sum(t.appeal_letters), 0)::int AS appeal_letters, coalesce(sum(t.solidarity_cards), 0)::int AS solidarity_cards
         FROM "case" c
         JOIN case_tally t ON t.case_id = c.id AND t.campaign_id = $1 AND t.event_id = 0
         LEFT JOIN faculty f ON f.id = t.faculty_id
         LEFT JOIN (SELECT faculty_id, sum(pledges) AS pledges FROM scope_tally
                    WHERE campaign_id = $1 AND event_id = 0 GROUP BY faculty_id) s ON s.faculty_id = t.faculty_id
         WHERE c.campaign_id = $1
         GROUP BY c.id, c.name, c.country, c.position, f.name, t.faculty_id
         ORDER BY c.position, c.id, t.faculty_id = 0 DESC, f.name`,
        [campaign.id],
      );
      // The small-group rule: another faculty's rows with fewer than 5 pledges keep no numbers.
      sendCsv(res, `${campaign.slug}-totals.csv`, [
        ['campaign', 'case', 'country', 'faculty', 'appeal_letters', 'solidarity_cards', 'total', 'note'],
        ...rows.map((row) => {
          const withheld = withholds(viewer, row.faculty_id, row.pledges);
          return [
            campaign.title,
            row.case_name,
            row.country,
            row.faculty ?? 'All faculties',
            ...(withheld ? ['', '', ''] : [row.appeal_letters, row.solidarity_cards, row.appeal_letters + row.solidarity_cards]),
            withheld ? `fewer than ${SMALL_GROUP_MIN_PLEDGES} pledges` : '',
          ];
        }),
      ]);
    }),
  );

  router.get(
    '/export/kit-orders.csv',
    guarded(ORGANISERS, async (req, res, _viewer) => {
      const campaign = await campaigns.get(typeof req.query.campaign === 'string' ? req.query.campaign : null);
      const status = Object.values(KitOrderStatus).find((value) => value === String(req.query.status ?? '').toLowerCase()) ?? null;
      if (req.query.status && !status) {
        throw new GraphQLError(`Unknown status; use one of ${Object.values(KitOrderStatus).join(', ')}.`, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const rows = await dataSource.query<Record<string, string | number | Date | null>[]>(
        `SELECT o.reference, o.status, o.created_at, o.contact_name, o.contact_email, o.kits, o.language,
                f.name AS faculty, o.delivery_method, p.name AS pickup_point,
                o.address_line1, o.address_line2, o.postal_code, o.city, o.country_code
         FROM kit_order o
         LEFT JOIN faculty f ON f.id = o.faculty_id
         LEFT JOIN pickup_point p ON p.id = o.pickup_point_id
         WHERE o.campaign_id = $1 AND ($2::text IS NULL OR o.status = $2)
         ORDER BY o.id`,
        [campaign.id, status],
      );
      const columns = ['reference', 'status', 'created_at', 'contact_name', 'contact_email', 'kits', 'language', 'faculty', 'delivery_method', 'pickup_point', 'address_line1', 'address_line2', 'postal_code', 'city', 'country_code'];
      sendCsv(res, `${campaign.slug}-kit-orders.csv`, [
        columns,
        ...rows.map((row) => columns.map((column) => (row[column] instanceof Date ? (row[column] as Date).toISOString() : row[column]))),
      ]);
    }),
  );

  return router;
}
