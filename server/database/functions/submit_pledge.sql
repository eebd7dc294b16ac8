-- One pledge in one round trip, as submit_pledges takes a batch (this is a batch of one): for
-- scripts and the benchmarks, which send pledges one at a time. Unknown slugs come back as NULL
-- ids, and nothing is recorded. Not held to an event's end (`event_closed` is always false):
-- scripts run as the database's owner. The columns it returns are SubmittedPledge in
-- server/pledges/pledge.queries.ts; a test checks that the two agree.
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
  recorded boolean,
  event_closed boolean
)
LANGUAGE sql AS $$
  SELECT s.campaign_id, s.event_id, s.faculty_id, s.case_ids, s.pledge_id, s.pledge_created_at,
    s.pledge_appeal_letters, s.pledge_solidarity_cards, s.same_content, s.recorded, s.event_closed
  FROM submit_pledges(ARRAY[p_client_key], ARRAY[p_campaign], ARRAY[p_event], ARRAY[p_faculty],
    array_fill(1, ARRAY[cardinality(p_case_slugs)]), p_case_slugs, p_appeal_letters, p_solidarity_cards,
    ARRAY[NULL::timestamptz], NULL::interval) AS s
$$;
