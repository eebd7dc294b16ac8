-- One pledge by its ids, as record_pledges writes every pledge (a batch of one): for scripts and
-- tests that add pledges without slugs. A replay of a known client key returns the pledge that
-- key made and counts nothing.
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
LANGUAGE sql AS $$
  SELECT r.pledge_id, r.pledge_created_at, r.pledge_appeal_letters, r.pledge_solidarity_cards, r.pledge_content_hash, r.recorded
  FROM record_pledges(ARRAY[p_client_key], ARRAY[p_campaign_id], ARRAY[p_event_id], ARRAY[p_faculty_id], ARRAY[p_content_hash],
    array_fill(1, ARRAY[cardinality(p_case_ids)]), p_case_ids, p_appeal_letters, p_solidarity_cards) AS r
$$;
