-- Pledges that arrive together, in one round trip and one transaction (the service's group
-- commit, server/pledges/pledge-batcher.ts): resolves every pledge's slugs (campaign, event,
-- faculty, cases) and, for each pledge whose slugs are all known, hashes its content; then
-- record_pledges writes them all. Each pledge keeps its own outcome: one with an unknown slug
-- comes back with NULL ids and records nothing, a replay returns the pledge its key made, and
-- neither changes what happens to the others. Which pledge rule is checked where, and why:
-- server/pledges/pledge.rules.ts.
--
-- An event closes `p_event_grace` after its end: a pledge held to that rule (`p_made_at` not
-- NULL: the time it counts as made, which the service gives) for an event closed by then comes
-- back with `event_closed` and records nothing, unless its key made a pledge before, which it
-- returns as any replay. A NULL `p_made_at` (an organiser's pledge) is not held to it.
--
-- The lines of every pledge come one after the other; `p_line_pledges` says whose each line is
-- (the pledge's position, from 1). The content hash is SHA-256, base64url, of
-- `[campaign,event,faculty,[[case,letters,cards],...]]` in case order (what the service once
-- computed itself), so replays of older pledges still match. The columns it returns are `ord`
-- (the pledge's position) and then SubmittedPledge in server/pledges/pledge.queries.ts; a test
-- checks that the two agree.
CREATE OR REPLACE FUNCTION submit_pledges(
  p_client_keys uuid[],
  p_campaigns text[],
  p_events text[],
  p_faculties text[],
  p_line_pledges integer[],
  p_case_slugs text[],
  p_appeal_letters integer[],
  p_solidarity_cards integer[],
  p_made_at timestamptz[],
  p_event_grace interval
) RETURNS TABLE (
  ord integer,
  campaign_id integer,
  event_id integer,
  faculty_id integer,
  case_ids integer[],
  pledge_id bigint,
  pledge_created_at timestamptz,
  pledge_appeal_letters integer,
  pledge_solidarity_cards integer,
  same_content boolean,
  recorded boolean,
  event_closed boolean
)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_campaign_ids integer[];
  v_event_ids integer[];
  v_faculty_ids integer[];
  v_case_ids integer[];
  v_hashes text[];
  v_closed boolean[];
BEGIN
  SELECT array_agg(c.id ORDER BY p.i),
         -- An event of another campaign is no event of this one.
         array_agg(CASE WHEN e.campaign_id = c.id THEN e.id END ORDER BY p.i),
         array_agg(f.id ORDER BY p.i),
         array_agg(coalesce(e.campaign_id = c.id AND p.made_at > e.ends_at + p_event_grace, false) ORDER BY p.i)
  INTO v_campaign_ids, v_event_ids, v_faculty_ids, v_closed
  FROM unnest(p_campaigns, p_events, p_faculties, p_made_at) WITH ORDINALITY AS p(campaign, event, faculty, made_at, i)
  LEFT JOIN event e ON e.slug = p.event
  -- Without a campaign slug, the event's campaign counts, else the current one.
  LEFT JOIN LATERAL (
    SELECT c.id FROM campaign c
    WHERE CASE
      WHEN p.campaign IS NOT NULL THEN c.slug = p.campaign
      WHEN e.id IS NOT NULL THEN c.id = e.campaign_id
      ELSE c.is_current
    END
    LIMIT 1
  ) c ON true
  LEFT JOIN faculty f ON f.slug = p.faculty;

  SELECT array_agg(k.id ORDER BY l.n) INTO v_case_ids
  FROM unnest(p_line_pledges, p_case_slugs) WITH ORDINALITY AS l(i, slug, n)
  LEFT JOIN "case" k ON k.slug = l.slug AND k.campaign_id = v_campaign_ids[l.i];

  -- A hash only for the pledges whose every slug is known: the others record nothing.
  SELECT array_agg(h.hash ORDER BY p.i) INTO v_hashes
  FROM unnest(p_client_keys) WITH ORDINALITY AS p(client_key, i)
  LEFT JOIN LATERAL (
    SELECT translate(rtrim(encode(sha256(convert_to(
             '[' || v_campaign_ids[p.i] || ',' || coalesce(v_event_ids[p.i]::text, 'null') || ',' || coalesce(v_faculty_ids[p.i]::text, 'null') || ',['
             || string_agg('[' || v_case_ids[l.n] || ',' || l.appeal_letters || ',' || l.solidarity_cards || ']', ',' ORDER BY v_case_ids[l.n])
             || ']]', 'UTF8')), 'base64'), '='), '+/', '-_') AS hash
    FROM unnest(p_line_pledges, p_appeal_letters, p_solidarity_cards) WITH ORDINALITY AS l(i, appeal_letters, solidarity_cards, n)
    WHERE l.i = p.i
    HAVING v_campaign_ids[p.i] IS NOT NULL
       AND (p_events[p.i] IS NULL OR v_event_ids[p.i] IS NOT NULL)
       AND (p_faculties[p.i] IS NULL OR v_faculty_ids[p.i] IS NOT NULL)
       AND count(*) > 0
       AND bool_and(v_case_ids[l.n] IS NOT NULL)
  ) h ON true;

  -- A pledge for a closed event records nothing; its key's earlier pledge, if any, is its answer.
  RETURN QUERY
  SELECT p.i::integer, v_campaign_ids[p.i], v_event_ids[p.i], v_faculty_ids[p.i],
    (SELECT array_agg(v_case_ids[l.n] ORDER BY l.n) FROM unnest(p_line_pledges) WITH ORDINALITY AS l(i, n) WHERE l.i = p.i),
    coalesce(r.pledge_id, x.id), coalesce(r.pledge_created_at, x.created_at),
    coalesce(r.pledge_appeal_letters, x.appeal_letters), coalesce(r.pledge_solidarity_cards, x.solidarity_cards),
    coalesce(r.pledge_content_hash, x.content_hash) = v_hashes[p.i], coalesce(r.recorded, false),
    v_closed[p.i] AND v_hashes[p.i] IS NOT NULL AND x.id IS NULL
  FROM unnest(p_client_keys) WITH ORDINALITY AS p(client_key, i)
  LEFT JOIN record_pledges(p_client_keys, v_campaign_ids, v_event_ids, v_faculty_ids,
      (SELECT array_agg(CASE WHEN v_closed[h.i] THEN NULL ELSE h.hash END ORDER BY h.i) FROM unnest(v_hashes) WITH ORDINALITY AS h(hash, i)),
      p_line_pledges, v_case_ids, p_appeal_letters, p_solidarity_cards) AS r
    ON r.ord = p.i
  -- A one-time filter: pledges for open events never look their key up here.
  LEFT JOIN LATERAL (
    SELECT x.id, x.created_at, x.appeal_letters, x.solidarity_cards, x.content_hash
    FROM pledge x WHERE v_closed[p.i] AND x.client_key = p.client_key
  ) x ON true
  ORDER BY p.i;
END
$$;
