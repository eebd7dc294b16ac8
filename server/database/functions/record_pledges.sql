-- The one way pledges are written: a batch of pledges, their lines and every tally they add to,
-- in one statement (so one transaction, also on PGlite's single shared connection). Entries
-- with a NULL content hash are skipped (their slugs did not resolve). A known client key, or a
-- copy of a key earlier in the same batch, is a replay: it returns the pledge that key made and
-- counts nothing. Returns one row per recorded or replayed entry, by its position (`ord`).
--
-- Locks are taken in one global order, so that batches running at once never deadlock: the
-- new client keys in key order (where copies racing in other batches wait), then the case tally
-- rows by campaign, scope, case and shard, then the scope tally rows by campaign, scope and
-- shard. A batch of one pledge is the order record_pledge and correct_pledge always used.
-- Several pledges on one tally row add to it once, with their sum.
CREATE OR REPLACE FUNCTION record_pledges(
  p_client_keys uuid[],
  p_campaign_ids integer[],
  p_event_ids integer[],
  p_faculty_ids integer[],
  p_content_hashes text[],
  p_line_pledges integer[],
  p_case_ids integer[],
  p_appeal_letters integer[],
  p_solidarity_cards integer[]
) RETURNS TABLE (
  ord integer,
  pledge_id bigint,
  pledge_created_at timestamptz,
  pledge_appeal_letters integer,
  pledge_solidarity_cards integer,
  pledge_content_hash text,
  recorded boolean
)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_new_ords integer[];
  v_new_ids bigint[];
BEGIN
  WITH candidate AS (
    -- The first copy of each key in the batch; the sums of its lines.
    SELECT DISTINCT ON (k.client_key) k.i::integer AS i, k.client_key,
      (SELECT coalesce(sum(l.appeal_letters), 0) FROM unnest(p_line_pledges, p_appeal_letters) AS l(i, appeal_letters) WHERE l.i = k.i) AS appeal_letters,
      (SELECT coalesce(sum(l.solidarity_cards), 0) FROM unnest(p_line_pledges, p_solidarity_cards) AS l(i, solidarity_cards) WHERE l.i = k.i) AS solidarity_cards
    FROM unnest(p_client_keys) WITH ORDINALITY AS k(client_key, i)
    WHERE p_content_hashes[k.i] IS NOT NULL
    ORDER BY k.client_key, k.i
  ), inserted AS (
    INSERT INTO pledge (client_key, campaign_id, event_id, faculty_id, content_hash, appeal_letters, solidarity_cards)
    SELECT c.client_key, p_campaign_ids[c.i], p_event_ids[c.i], p_faculty_ids[c.i], p_content_hashes[c.i], c.appeal_letters, c.solidarity_cards
    FROM candidate c
    ORDER BY c.client_key
    ON CONFLICT (client_key) DO NOTHING
    RETURNING pledge.id, pledge.client_key
  )
  SELECT array_agg(c.i), array_agg(inserted.id) INTO v_new_ords, v_new_ids
  FROM inserted JOIN candidate c ON c.client_key = inserted.client_key;

  IF v_new_ords IS NOT NULL THEN
    INSERT INTO pledge_line (pledge_id, case_id, appeal_letters, solidarity_cards)
    SELECT new.id, l.case_id, l.appeal_letters, l.solidarity_cards
    FROM unnest(v_new_ords, v_new_ids) AS new(i, id)
    JOIN unnest(p_line_pledges, p_case_ids, p_appeal_letters, p_solidarity_cards) AS l(i, case_id, appeal_letters, solidarity_cards) ON l.i = new.i;

    INSERT INTO case_tally AS tally (campaign_id, event_id, faculty_id, case_id, shard, appeal_letters, solidarity_cards)
    SELECT p_campaign_ids[new.i], scope.event_id, scope.faculty_id, l.case_id, tally_shard(p_client_keys[new.i]),
           sum(l.appeal_letters), sum(l.solidarity_cards)
    FROM unnest(v_new_ords) AS new(i)
    CROSS JOIN LATERAL pledge_scopes(p_event_ids[new.i], p_faculty_ids[new.i]) AS scope
    JOIN unnest(p_line_pledges, p_case_ids, p_appeal_letters, p_solidarity_cards) AS l(i, case_id, appeal_letters, solidarity_cards) ON l.i = new.i
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (campaign_id, event_id, faculty_id, case_id, shard) DO UPDATE
      SET appeal_letters = tally.appeal_letters + excluded.appeal_letters,
          solidarity_cards = tally.solidarity_cards + excluded.solidarity_cards;

    INSERT INTO scope_tally AS tally (campaign_id, event_id, faculty_id, shard, pledges, updated_at)
    SELECT p_campaign_ids[new.i], scope.event_id, scope.faculty_id, tally_shard(p_client_keys[new.i]), count(*), now()
    FROM unnest(v_new_ords) AS new(i)
    CROSS JOIN LATERAL pledge_scopes(p_event_ids[new.i], p_faculty_ids[new.i]) AS scope
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (campaign_id, event_id, faculty_id, shard) DO UPDATE
      SET pledges = tally.pledges + excluded.pledges,
          updated_at = greatest(tally.updated_at, excluded.updated_at);
  END IF;

  -- Every entry's pledge: the one it made, or the one its key made before (here or elsewhere).
  RETURN QUERY
  SELECT k.i::integer, p.id, p.created_at, p.appeal_letters, p.solidarity_cards, p.content_hash,
    coalesce(k.i = ANY(v_new_ords), false)
  FROM unnest(p_client_keys) WITH ORDINALITY AS k(client_key, i)
  JOIN pledge p ON p.client_key = k.client_key
  WHERE p_content_hashes[k.i] IS NOT NULL
  ORDER BY k.i;
END
$$;
