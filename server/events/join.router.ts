import express, { type Router } from 'express';
import { type EventService } from './event.service.js';
import { eventIdFromCode } from './event-code.js';

/**
 * `/p/<event code>`: the short join address under the projector's QR code, easy to type on a
 * phone. It sends the phone to the event's pledge form.
 */
export function joinRouter(events: EventService): Router {
  const router = express.Router();
  router.get('/p/:code', async (req, res, next) => {
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
  });
  return router;
}
