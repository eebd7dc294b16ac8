import { type PubSub } from 'type-graphql';
import { type DataSource } from 'typeorm';
import { type LiveChanges, type LiveScope } from '../common/live-changes.js';
import { type ContentService } from '../content/content.service.js';
import { ContentSubject } from '../content/content.types.js';
import { type Logger } from '../common/logger.js';
import { publicViewer, Role, type Viewer } from '../common/viewer.js';
import { seesInFull } from './small-group.rule.js';
import { LatestValue } from './latest-value.js';
import { changeMarkers } from './totals.queries.js';
import { type TotalsScope, type TotalsScopeArgs, type TotalsService } from './totals.service.js';
import { type Totals } from './totals.types.js';

/** The subscription topic of live totals (`totalsUpdated`), as TypeGraphQL's pub/sub names it. */
export const TOTALS_TOPIC = 'totals';

/** One campaign, event or faculty whose totals somebody is watching, as one audience may see them. */
type Topic = {
  scope: TotalsScope;
  /** Who the snapshot is read for: the small-group rule shows a faculty differently to each. */
  audience: Viewer;
  /** What the change marker said when `snapshot` was read. */
  marker: string | null;
  snapshot: Totals | null;
  /**
   * The Dutch and French of the snapshot's campaign and cases when last read: not in the
   * snapshot (each subscriber's language is put in when it is sent), but what it shows.
   */
  translations: string;
  /** The snapshot and its translations as its subscribers last got them, to tell whether a re-read found anything new. */
  sent: string;
  /** When the scope's campaign and event were read (ms since the epoch). */
  scopeReadAt: number;
  /** An organiser changed something shown in this process: read the scope again with the next tick. */
  edited: boolean;
  subscribers: Set<LatestValue<Totals>>;
};

/** How often live totals look, and how much they may send. */
export type LiveTotalsTiming = {
  /** How often the change markers are read. */
  tickMs: number;
  /** How often every topic is read again although its marker stood still (edits in another process). */
  refreshMs: number;
  /** Snapshots a second for all subscribers together; ticks slow down beyond it. */
  maxMessagesPerSecond: number;
};

/**
 * Live totals as coalesced snapshots. Once per tick, one cheap query reads a change marker
 * (pledge count and last change) for every watched topic; only topics whose marker moved are
 * read again, once each, and the one snapshot goes to all their subscribers. Pledges made by
 * other server processes show up the same way, since the marker lives in the database: no
 * NOTIFY, no per-pledge publishing, and the cost depends on the tick and the topics, not on the
 * pledge rate or the number of subscribers. What no marker sees (an organiser's edit of a goal,
 * a name or its translation in another process) shows when every topic is read again, with its
 * translations, every `refreshMs`.
 */
export class LiveTotals implements LiveChanges {
  private readonly topics = new Map<string, Topic>();
  private readonly firstReads = new Map<string, Promise<Topic>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly totals: TotalsService,
    private readonly content: Pick<ContentService, 'translationsFingerprint'>,
    private readonly logger: Logger,
    private readonly timing: LiveTotalsTiming,
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
   * Makes the next tick read the campaign's topics again, for changes the pledge marker does not
   * see (an organiser renamed a case, set a goal). Other processes read them with their next
   * refresh, within `refreshMs`.
   */
  changed(scope: LiveScope): void {
    for (const topic of this.topics.values()) if (topic.scope.campaign.id === scope.campaignId) topic.edited = true;
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
  async subscribe(args: TotalsScopeArgs, viewer: Viewer = publicViewer): Promise<AsyncIterableIterator<Totals>> {
    const scope = await this.totals.resolveScope({ campaign: args.campaign, event: args.event, faculty: args.faculty });
    const audience = audienceOf(viewer, scope.facultyId);
    const key = `${scope.campaign.id}:${scope.eventId}:${scope.facultyId}:${audience.role}:${audience.facultyId ?? 0}`;
    const topic = this.topics.get(key) ?? (await this.firstSnapshot(key, scope, audience));
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
   * Live totals as the schema's pub/sub, the source of `totalsUpdated`: TypeGraphQL subscribes
   * to TOTALS_TOPIC with the subscription's arguments. Nothing is ever published through it:
   * the snapshots come from the database.
   */
  asPubSub(): PubSub {
    return {
      publish: () => {
        throw new Error('Live totals are read from the database, never published');
      },
      subscribe: (topic, id) => {
        if (topic !== TOTALS_TOPIC) throw new Error(`No subscription topic "${topic}"`);
        // graphql-js awaits what a subscribe function returns, so unknown slugs fail before any
        // snapshot is streamed, with the error on the subscription.
        const { viewer, ...args } = id as TotalsTopicId;
        return this.subscribe(args, viewer) as unknown as AsyncIterable<unknown>;
      },
    };
  }

  /**
   * Reads a topic's first snapshot, once for all the subscribers that ask at the same time
   * (a room of projectors reconnecting after a Wi-Fi drop), and registers the topic only if it
   * succeeds.
   */
  private firstSnapshot(key: string, scope: TotalsScope, audience: Viewer): Promise<Topic> {
    let pending = this.firstReads.get(key);
    if (!pending) {
      pending = (async () => {
        const topic: Topic = { scope, audience, marker: null, snapshot: null, translations: '', sent: '', scopeReadAt: Date.now(), edited: false, subscribers: new Set() };
        const [marker] = [...(await this.readMarkers([topic])).values()];
        topic.snapshot = await this.totals.readFor(audience, scope);
        topic.translations = await this.translationsOf(topic.snapshot);
        topic.sent = sentOf(topic);
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
    const delay = Math.max(this.timing.tickMs, Math.ceil((this.subscriberCount * 1000) / this.timing.maxMessagesPerSecond));
    this.timer = setTimeout(() => {
      this.tick().finally(() => this.schedule());
    }, delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const watched = [...this.topics.values()];
    if (watched.length === 0) return;
    try {
      const markers = await this.readMarkers(watched);
      const now = Date.now();
      // Edited here, or its campaign and event not read for a while: those are read again too.
      const due = watched.filter((topic) => topic.snapshot && (topic.edited || now - topic.scopeReadAt >= this.timing.refreshMs));
      const moved = watched.filter((topic) => topic.snapshot && !due.includes(topic) && markers.get(topic) !== topic.marker);
      await Promise.all([this.refresh(moved), this.refresh(due, { reloadScope: true })]);
    } catch (error) {
      // A database outage must not end the subscriptions: they resume when it is back.
      this.logger.warn({ err: error }, 'live totals tick failed');
    }
  }

  /**
   * Reads the marker first and the totals second, so a pledge between the two is never missed.
   * Subscribers get the snapshot only when it says something new: a periodic re-read that
   * finds nothing changed sends nothing. The Dutch and French names are not in the snapshot (each
   * language's subscribers get them put in), so a full re-read reads them too and compares them
   * with the rest, wherever they were edited; a re-read for new pledges keeps the last ones.
   */
  private async refresh(topics: Topic[], { reloadScope = false } = {}): Promise<void> {
    if (topics.length === 0) return;
    if (reloadScope) {
      // Cleared first: an edit while these reads run is read by the next tick.
      for (const topic of topics) topic.edited = false;
      try {
        await Promise.all(
          topics.map(async (topic) => {
            topic.scope = await this.totals.reloaded(topic.scope);
            topic.scopeReadAt = Date.now();
          }),
        );
      } catch (error) {
        for (const topic of topics) topic.edited = true;
        throw error;
      }
    }
    const markers = await this.readMarkers(topics);
    await Promise.all(
      topics.map(async (topic) => {
        const snapshot = await this.totals.readFor(topic.audience, topic.scope);
        const translations = reloadScope ? await this.translationsOf(snapshot) : topic.translations;
        topic.marker = markers.get(topic) ?? '';
        topic.snapshot = snapshot;
        topic.translations = translations;
        const sent = sentOf(topic);
        if (sent === topic.sent) return;
        topic.sent = sent;
        for (const subscriber of topic.subscribers) subscriber.push(snapshot);
      }),
    );
  }

  /** The translations of what a snapshot shows by name: its campaign and its cases. One query. */
  private translationsOf(snapshot: Totals): Promise<string> {
    return this.content.translationsFingerprint([
      { subject: ContentSubject.CAMPAIGN, id: snapshot.campaign.id },
      ...snapshot.cases.map((row) => ({ subject: ContentSubject.CASE, id: row.case.id })),
    ]);
  }

  /**
   * One query for every watched topic: how many pledges, and when the latest came in. A
   * faculty's topic follows its whole campaign: any pledge may change what the small-group rule
   * withholds, and a snapshot sent when that faculty alone pledged would tell when it did.
   */
  private async readMarkers(topics: Topic[]): Promise<Map<Topic, string>> {
    const markedBy = (topic: Topic) => ({ campaignId: topic.scope.campaign.id, eventId: topic.scope.facultyId ? 0 : topic.scope.eventId });
    const byKey = await changeMarkers(this.dataSource, topics.map(markedBy));
    return new Map(topics.map((topic) => [topic, byKey.get(`${markedBy(topic).campaignId}:${markedBy(topic).eventId}`) ?? '']));
  }
}

/** What a topic's subscribers were last sent, to compare a re-read with: the snapshot and its translations. */
const sentOf = (topic: Topic) => `${JSON.stringify(topic.snapshot)}\n${topic.translations}`;

/** What `totalsUpdated` names its topic by: its arguments and who asks. */
export type TotalsTopicId = TotalsScopeArgs & { viewer?: Viewer };

/**
 * Whom a snapshot of a faculty is read for. Everyone who sees it in full shares one; the
 * public shares one; a partner of another faculty gets its own (what it knows of its own
 * faculty changes what must be withheld from it).
 */
function audienceOf(viewer: Viewer, facultyId: number): Viewer {
  if (seesInFull(viewer, facultyId)) return { role: Role.ORGANISER, tokenId: null, facultyId: null };
  if (viewer.role === Role.PARTNER) return { role: Role.PARTNER, tokenId: null, facultyId: viewer.facultyId };
  return publicViewer;
}
