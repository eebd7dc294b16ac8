import express, { type Request, type Router } from 'express';
import { toString as qrSvg } from 'qrcode';
import { allowOnly } from '../common/http-errors.js';
import { type EventService } from './event.service.js';
import { eventIdFromCode } from './event-code.js';

/** What the projector's QR code may point at: an event's join address or the pledge form. */
const JOIN_PATH = /^\/(p\/[a-z0-9]{4}|pledge(\?event=[a-z0-9-]{1,80})?)$/;

/** The address students reach: PUBLIC_URL, or the one this request came in on. */
function siteOrigin(req: Request, publicUrl: string | undefined): string {
  return new URL(publicUrl ?? `${req.protocol}://${req.get('host')}`).origin;
}

/**
 * `/p/<event code>`: the short join address under the projector's QR code, easy to type on a
 * phone. It sends the phone to the event's pledge form.
 */
export function joinRouter(events: EventService, publicUrl: string | undefined): Router {
  const router = express.Router();
  const getOnly = allowOnly('GET', 'HEAD');
  /**
   * The QR code of a join address, as SVG, drawn here so the projector's page does not carry a
   * QR library (its JavaScript budget, docs/live-screen.md). Only this site's join addresses
   * and pledge form: it is not a QR code service for any text.
   */
  router.route('/p/qr.svg').get(async (req, res, next) => {
    try {
      const asked = typeof req.query.url === 'string' ? req.query.url : '';
      const target = URL.canParse(asked) ? new URL(asked) : null;
      if (!target || target.origin !== siteOrigin(req, publicUrl) || !JOIN_PATH.test(target.pathname + target.search)) {
        res.status(400).type('text').send('Give url=, a join address (/p/<code>) or the pledge form of this site.');
        return;
      }
      // Margin 2 keeps the quiet zone scanners need while the white card adds the rest.
      const svg = await qrSvg(target.toString(), { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
      res.setHeader('cache-control', 'public, max-age=86400');
      res.type('image/svg+xml').send(svg);
    } catch (error) {
      next(error);
    }
  }).all(getOnly);
  router.route('/p/:code').get(async (req, res, next) => {
    try {
      const id = eventIdFromCode(req.params.code);
      const event = id === null ? null : await events.getById(id);
      if (event) {
        res.redirect(302, `/pledge?event=${encodeURIComponent(event.slug)}`);
        return;
      }
      res
        .status(404)
        .type('html')
        .send('<!doctype html><meta charset="utf-8"><title>Write for Rights</title><p>No event has this code. <a href="/pledge">Count your letters on the pledge form.</a></p>');
    } catch (error) {
      next(error);
    }
  }).all(getOnly);
  return router;
}
