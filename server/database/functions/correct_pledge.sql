-- Voids a counted pledge or restores a voided one: marks it, takes its lines out of (or puts
-- them back into) every tally it counts in, and writes the audit row, in one statement (PGlite's
-- shared connection allows no multi-statement transaction at run time). Tally rows are locked
-- in the order record_pledges uses, so the two never deadlock. The scope rows' pledge count and
-- updated_at change, which moves the live screen's change marker.
CREATE OR REPLACE FUNCTION correct_pledge(p_pledge_id bigint, p_void boolean, p_reason text, p_token_id integer)
RETURNS TABLE (pledge_id bigint, changed boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_pledge pledge%ROWTYPE;
  v_sign integer := CASE WHEN p_void THEN -1 ELSE 1 END;
  v_shard smallint;
BEGIN
  -- Only a counted pledge can be voided and only a voided one restored: twice is a no-op.
  UPDATE pledge SET voided_at = CASE WHEN p_void THEN now() END
  WHERE id = p_pledge_id AND (voided_at IS NULL) = p_void
  RETURNING * INTO v_pledge;

  IF v_pledge.id IS NULL THEN
    RETURN QUERY SELECT p.id, false FROM pledge p WHERE p.id = p_pledge_id;
    RETURN;
  END IF;

  v_shard := tally_shard(v_pledge.client_key);

  INSERT INTO case_tally AS tally (campaign_id, event_id, faculty_id, case_id, shard, appeal_letters, solidarity_cards)
  SELECT v_pledge.campaign_id, scope.event_id, scope.faculty_id, line.case_id, v_shard,
         v_sign * line.appeal_letters, v_sign * line.solidarity_cards
  FROM pledge_scopes(v_pledge.event_id, v_pledge.faculty_id) AS scope
  CROSS JOIN pledge_line AS line
  WHERE line.pledge_id = v_pledge.id
  ORDER BY scope.event_id, scope.faculty_id, line.case_id
  ON CONFLICT (campaign_id, event_id, faculty_id, case_id, shard) DO UPDATE
    SET appeal_letters = tally.appeal_letters + excluded.appeal_letters,
        solidarity_cards = tally.solidarity_cards + excluded.solidarity_cards;

  INSERT INTO scope_tally AS tally (campaign_id, event_id, faculty_id, shard, pledges, updated_at)
  SELECT v_pledge.campaign_id, scope.event_id, scope.faculty_id, v_shard, v_sign, now()
  FROM pledge_scopes(v_pledge.event_id, v_pledge.faculty_id) AS scope
  ORDER BY scope.event_id, scope.faculty_id
  ON CONFLICT (campaign_id, event_id, faculty_id, shard) DO UPDATE
    SET pledges = tally.pledges + excluded.pledges,
        updated_at = greatest(tally.updated_at, excluded.updated_at);

  INSERT INTO pledge_correction (pledge_id, action, reason, token_id)
  VALUES (v_pledge.id, CASE WHEN p_void THEN 'void' ELSE 'restore' END, p_reason, p_token_id);

  RETURN QUERY SELECT v_pledge.id, true;
END
$$;
