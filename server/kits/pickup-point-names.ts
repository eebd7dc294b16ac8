import { type Locale } from '../common/locale.js';
import { type PickupPoint } from './pickup-point.entity.js';

/** A pickup point's name in a language: its translation, or English where it has none. */
export interface PickupPointNames {
  pickupPointName(point: PickupPoint, locale: Locale): string | null | Promise<string | null>;
}

/**
 * The translations are the content service's, which is built after the kit orders (it lists
 * their pickup points), so the kit orders are handed this relay and the composition root
 * connects it once the content service exists. Until then, and without one, names are English.
 */
export class PickupPointNamesRelay implements PickupPointNames {
  private source: PickupPointNames | null = null;

  connect(source: PickupPointNames): void {
    this.source = source;
  }

  pickupPointName(point: PickupPoint, locale: Locale): string | null | Promise<string | null> {
    return this.source ? this.source.pickupPointName(point, locale) : point.name;
  }
}
