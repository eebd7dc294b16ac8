import { type DataSource } from 'typeorm';
import { type Logger } from '../logger.js';
import { LatestValue } from './latest-value.js';
import { type TotalsScope, type TotalsScopeArgs, type TotalsService } from './totals.service.js';
import { type Totals } from './totals.types.js';

/** One campaign-or-event whose totals somebody is watching. */
type Topic = {
  scope: TotalsScope;
  /** What the change marker said when `snapshot` was read. */
  marker: string | null;
  snapshot: Totals | null;
  subscribers: Set<LatestValue<Totals>>;
};

type MarkerRow = { campaign_id: number; event_id: number; marker: string };

/**
 * Live totals as coalesced snapshots. Once per tick, one cheap query reads a change marker
 * (pledge count and last change) for every watched topic; only topics whose marker moved are
 * read again, once each, and the one snapshot goes to all their subscribers. Pledges made by
 * other server processes show up the same way, since the marker lives in the database: no
 * NOTIFY, no per-pledge publishing, and the cost depends on the tick and the topics, not on the
 * pledge rate or the number of subscribers.
 */
export class LiveTotals {
  private readonly topics = new Map<string, Topic>();
  private readonly firstReads = new Map<string, Promise<Topic>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly totals: TotalsService,
    private readonly logger: Logger,
    private readonly tickMs: number,
    private readonly maxMessagesPerSecond: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Stops ticking and ends every subscription. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const topic of this.topics.values()) for (const subscriber of topic.subscribers) void subscriber.return();
    this.topics.clear();
  }

  /**
   * Makes the next tick send fresh snapshots of every topic, for changes the pledge marker does
   * not see (an organiser renamed a case). Other processes pick them up with the next pledge.
   */
  invalidate(): void {
    for (const topic of this.topics.values()) topic.marker = null;
  }

  get subscriberCount(): number {
    let count = 0;
    for (const topic of this.topics.values()) count += topic.subscribers.size;
    return count;
  }

  /**
   * Totals of a campaign or one of its events: first the current snapshot, then a new one
   * whenever the numbers change. Unknown slugs fail here, before anything is streamed. The
   * subscriber is registered only once its first snapshot is in hand, so a failed first read
   * (the database away, a pool timeout) leaves nothing behind; from then on it is removed when
   * its consumer returns it (the socket closed, the client completed) or when live totals stop.
   */
  async subscribe(args: Omit<TotalsScopeArgs, 'faculty'>): Promise<AsyncIterableIterator<Totals>> {
    const scope = await this.totals.resolveScope({ campaign: args.campaign, event: args.event });
    const key = `${scope.campaign.id}:${scope.eventId}`;
    const topic = this.topics.get(key) ?? (await this.firstSnapshot(key, scope));
    if (this.stopped) throw new Error('Live totals have stopped');
    const subscriber: LatestValue<Totals> = new LatestValue(() => {
      topic.subscribers.delete(subscriber);
      if (topic.subscribers.size === 0 && this.topics.get(key) === topic) this.topics.delete(key);
    });
    topic.subscribers.add(subscriber);
    this.topics.set(key, topic);
    subscriber.push(topic.snapshot!);
    return subscriber;
  }

  /**
   * Reads a topic's first snapshot, once for all the subscribers that ask at the same time
   * (a room of projectors reconnecting after a Wi-Fi drop), and registers the topic only if it
   * succeeds.
   */
  private firstSnapshot(key: string, scope: TotalsScope): Promise<Topic> {
    let pending = this.firstReads.get(key);
    if (!pending) {
      pending = (async () => {
        const topic: Topic = { scope, marker: null, snapshot: null, subscribers: new Set() };
        const [marker] = [...(await this.readMarkers([topic])).values()];
        topic.snapshot = await this.totals.read(scope);
        topic.marker = marker ?? '';
        return this.topics.get(key) ?? topic;
      })().finally(() => this.firstReads.delete(key));
      this.firstReads.set(key, pending);
    }
    return pending;
  }

  /**
   * The next tick comes after `tickMs`, or later when that many snapshots for every subscriber
   * would exceed the process's fan-out budget: with 10,000 phones watching, a snapshot every
   * 500 ms keeps one core from drowning in socket writes while each phone still sees every
   * change within a second.
   */
  private schedule(): void {
    if (this.stopped) return;
    const delay = Math.max(this.tickMs, Math.ceil((this.subscriberCount * 1000) / this.maxMessagesPerSecond));
    this.timer = setTimeout(() => {
      this.tick().finally(() => this.schedule());
    }, delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const watched = [...this.topics.values()];
    if (watched.length === 0) return;
    try {
      const changed = await this.changedTopics(watched);
      await this.refresh(changed);
    } catch (error) {
      // A database outage must not end the subscriptions: they resume when it is back.
      this.logger.warn({ err: error }, 'live totals tick failed');
    }
  }

  /** Reads the marker first and the totals second, so a pledge between the two is never missed. */
  private async refresh(topics: Topic[]): Promise<void> {
    if (topics.length === 0) return;
    const markers = await this.readMarkers(topics);
    await Promise.all(
      topics.map(async (topic) => {
        const snapshot = await this.totals.read(topic.scope);
        topic.marker = markers.get(topic) ?? '';
        topic.snapshot = snapshot;
        for (const subscriber of topic.subscribers) subscriber.push(snapshot);
      }),
    );
  }

  private async changedTopics(topics: Topic[]): Promise<Topic[]> {
    const markers = await this.readMarkers(topics);
    return topics.filter((topic) => topic.snapshot && markers.get(topic) !== topic.marker);
  }

  /** One query for every watched topic: how many pledges, and when the latest came in. */
  private async readMarkers(topics: Topic[]): Promise<Map<Topic, string>> {
    const rows = await this.dataSource.query<MarkerRow[]>(
      `SELECT campaign_id, event_id, sum(pledges) || '@' || max(updated_at) AS marker
       FROM scope_tally
       WHERE faculty_id = 0
         AND (campaign_id, event_id) IN (SELECT * FROM unnest($1::int[], $2::int[]))
       GROUP BY campaign_id, event_id`,
      [topics.map((topic) => topic.scope.campaign.id), topics.map((topic) => topic.scope.eventId)],
    );
    const byKey = new Map(rows.map((row) => [`${row.campaign_id}:${row.event_id}`, row.marker]));
    return new Map(topics.map((topic) => [topic, byKey.get(`${topic.scope.campaign.id}:${topic.scope.eventId}`) ?? '']));
  }
}
