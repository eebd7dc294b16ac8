-- A pledge in one round trip: resolves the slugs (campaign, event, faculty, cases) and, when
-- they are all known, hashes the content and calls record_pledge. Unknown slugs come back as
-- NULL ids, and nothing is recorded; the service turns them into messages on their fields.
-- Which pledge rule is checked where, and why: server/pledges/pledge.rules.ts.
--
-- The content hash is SHA-256, base64url, of `[campaign,event,faculty,[[case,letters,cards],...]]`
-- in case order (what the service once computed itself), so replays of older pledges still match.
-- The columns it returns are SubmittedPledge in server/pledges/pledge.queries.ts; a test checks
-- that the two agree.
CREATE OR REPLACE FUNCTION submit_pledge(
  p_client_key uuid,
  p_campaign text,
  p_event text,
  p_faculty text,
  p_case_slugs text[],
  p_appeal_letters integer[],
  p_solidarity_cards integer[]
) RETURNS TABLE (
  campaign_id integer,
  event_id integer,
  faculty_id integer,
  case_ids integer[],
  pledge_id bigint,
  pledge_created_at timestamptz,
  pledge_appeal_letters integer,
  pledge_solidarity_cards integer,
  same_content boolean,
  recorded boolean
)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_campaign_id integer;
  v_event_id integer;
  v_event_campaign_id integer;
  v_faculty_id integer;
  v_case_ids integer[];
  v_hash text;
  v_pledge record;
BEGIN
  IF p_event IS NOT NULL THEN
    SELECT e.id, e.campaign_id INTO v_event_id, v_event_campaign_id FROM event e WHERE e.slug = p_event;
  END IF;
  -- Without a campaign slug, the event's campaign counts, else the current one.
  SELECT c.id INTO v_campaign_id FROM campaign c
  WHERE CASE
    WHEN p_campaign IS NOT NULL THEN c.slug = p_campaign
    WHEN v_event_id IS NOT NULL THEN c.id = v_event_campaign_id
    ELSE c.is_current
  END;
  -- An event of another campaign is no event of this one.
  IF v_event_campaign_id IS DISTINCT FROM v_campaign_id THEN
    v_event_id := NULL;
  END IF;
  IF p_faculty IS NOT NULL THEN
    SELECT f.id INTO v_faculty_id FROM faculty f WHERE f.slug = p_faculty;
  END IF;
  SELECT array_agg(k.id ORDER BY s.ord) INTO v_case_ids
  FROM unnest(p_case_slugs) WITH ORDINALITY AS s(slug, ord)
  LEFT JOIN "case" k ON k.slug = s.slug AND k.campaign_id = v_campaign_id;

  IF v_campaign_id IS NULL
     OR (p_event IS NOT NULL AND v_event_id IS NULL)
     OR (p_faculty IS NOT NULL AND v_faculty_id IS NULL)
     OR array_position(v_case_ids, NULL) IS NOT NULL THEN
    RETURN QUERY SELECT v_campaign_id, v_event_id, v_faculty_id, v_case_ids,
      NULL::bigint, NULL::timestamptz, NULL::integer, NULL::integer, NULL::boolean, false;
    RETURN;
  END IF;

  SELECT translate(rtrim(encode(sha256(convert_to(
           '[' || v_campaign_id || ',' || coalesce(v_event_id::text, 'null') || ',' || coalesce(v_faculty_id::text, 'null') || ',['
           || string_agg('[' || line.case_id || ',' || line.appeal_letters || ',' || line.solidarity_cards || ']', ',' ORDER BY line.case_id)
           || ']]', 'UTF8')), 'base64'), '='), '+/', '-_')
  INTO v_hash
  FROM unnest(v_case_ids, p_appeal_letters, p_solidarity_cards) AS line(case_id, appeal_letters, solidarity_cards);

  SELECT * INTO v_pledge FROM record_pledge(p_client_key, v_campaign_id, v_event_id, v_faculty_id, v_hash, v_case_ids, p_appeal_letters, p_solidarity_cards);
  RETURN QUERY SELECT v_campaign_id, v_event_id, v_faculty_id, v_case_ids, v_pledge.pledge_id, v_pledge.pledge_created_at,
    v_pledge.pledge_appeal_letters, v_pledge.pledge_solidarity_cards, v_pledge.pledge_content_hash = v_hash, v_pledge.recorded;
END
$$;
