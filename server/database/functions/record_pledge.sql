-- The one way a pledge is written: the pledge, its lines and every tally it adds to, in one
-- statement (so one transaction, also on PGlite's single shared connection). A replay of a
-- known client key returns the pledge that key made and counts nothing.
--
-- Tally rows are always locked in one order (case rows by scope then case, then scope rows),
-- so two pledges that meet on a shard wait for each other but never deadlock.
CREATE OR REPLACE FUNCTION record_pledge(
  p_client_key uuid,
  p_campaign_id integer,
  p_event_id integer,
  p_faculty_id integer,
  p_content_hash text,
  p_case_ids integer[],
  p_appeal_letters integer[],
  p_solidarity_cards integer[]
) RETURNS TABLE (
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
  v_shard smallint := tally_shard(p_client_key);
  v_pledge pledge%ROWTYPE;
BEGIN
  INSERT INTO pledge (client_key, campaign_id, event_id, faculty_id, content_hash, appeal_letters, solidarity_cards)
  VALUES (
    p_client_key, p_campaign_id, p_event_id, p_faculty_id, p_content_hash,
    (SELECT coalesce(sum(n), 0) FROM unnest(p_appeal_letters) AS n),
    (SELECT coalesce(sum(n), 0) FROM unnest(p_solidarity_cards) AS n)
  )
  ON CONFLICT (client_key) DO NOTHING
  RETURNING * INTO v_pledge;

  IF v_pledge.id IS NULL THEN
    -- A replay: report the pledge that this key already made, count nothing.
    SELECT * INTO STRICT v_pledge FROM pledge WHERE client_key = p_client_key;
    RETURN QUERY SELECT v_pledge.id, v_pledge.created_at, v_pledge.appeal_letters,
      v_pledge.solidarity_cards, v_pledge.content_hash, false;
    RETURN;
  END IF;

  INSERT INTO pledge_line (pledge_id, case_id, appeal_letters, solidarity_cards)
  SELECT v_pledge.id, line.case_id, line.appeal_letters, line.solidarity_cards
  FROM unnest(p_case_ids, p_appeal_letters, p_solidarity_cards) AS line(case_id, appeal_letters, solidarity_cards);

  INSERT INTO case_tally AS tally (campaign_id, event_id, faculty_id, case_id, shard, appeal_letters, solidarity_cards)
  SELECT p_campaign_id, scope.event_id, scope.faculty_id, line.case_id, v_shard, line.appeal_letters, line.solidarity_cards
  FROM pledge_scopes(p_event_id, p_faculty_id) AS scope
  CROSS JOIN unnest(p_case_ids, p_appeal_letters, p_solidarity_cards) AS line(case_id, appeal_letters, solidarity_cards)
  ORDER BY scope.event_id, scope.faculty_id, line.case_id
  ON CONFLICT (campaign_id, event_id, faculty_id, case_id, shard) DO UPDATE
    SET appeal_letters = tally.appeal_letters + excluded.appeal_letters,
        solidarity_cards = tally.solidarity_cards + excluded.solidarity_cards;

  INSERT INTO scope_tally AS tally (campaign_id, event_id, faculty_id, shard, pledges, updated_at)
  SELECT p_campaign_id, scope.event_id, scope.faculty_id, v_shard, 1, now()
  FROM pledge_scopes(p_event_id, p_faculty_id) AS scope
  ORDER BY scope.event_id, scope.faculty_id
  ON CONFLICT (campaign_id, event_id, faculty_id, shard) DO UPDATE
    SET pledges = tally.pledges + 1,
        updated_at = greatest(tally.updated_at, excluded.updated_at);

  RETURN QUERY SELECT v_pledge.id, v_pledge.created_at, v_pledge.appeal_letters,
    v_pledge.solidarity_cards, v_pledge.content_hash, true;
END
$$;
