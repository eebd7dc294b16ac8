-- What one pledge does, as one SQL function that PostGraphile v5 exposes as a mutation
-- (`submitPledge`): the same slug lookup as the service, the same checks, the same content
-- hash rule (sha256 of the resolved content) and the same record_pledge call. Created by the
-- benchmark in its own database only, in its own schema, so PostGraphile exposes nothing else.
CREATE SCHEMA postgraphile_bench;

CREATE TYPE postgraphile_bench.pledge_receipt AS (id bigint, total integer);

CREATE FUNCTION postgraphile_bench.submit_pledge(
  client_key uuid,
  event_slug text,
  faculty_slug text,
  case_slugs text[],
  appeal_letters integer[],
  solidarity_cards integer[]
) RETURNS postgraphile_bench.pledge_receipt
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  refs record;
  lines record;
  content_hash text;
  recorded record;
BEGIN
  SELECT campaign.id AS campaign_id,
         event.id AS event_id,
         event.campaign_id AS event_campaign_id,
         (SELECT id FROM public.faculty WHERE slug = submit_pledge.faculty_slug) AS faculty_id,
         (SELECT json_object_agg(c.slug, c.id) FROM public."case" c
           WHERE c.campaign_id = campaign.id AND c.slug = ANY(submit_pledge.case_slugs)) AS case_ids
    INTO refs
    FROM (SELECT 1) AS one
    LEFT JOIN public.event ON event.slug = submit_pledge.event_slug
    LEFT JOIN public.campaign ON (CASE
      WHEN event.id IS NOT NULL THEN campaign.id = event.campaign_id
      ELSE campaign.is_current
    END);
  IF refs.campaign_id IS NULL THEN
    RAISE EXCEPTION 'There is no current campaign to pledge to.' USING ERRCODE = '22023';
  END IF;
  IF event_slug IS NOT NULL AND (refs.event_id IS NULL OR refs.event_campaign_id <> refs.campaign_id) THEN
    RAISE EXCEPTION 'There is no event "%" in this campaign.', event_slug USING ERRCODE = '22023';
  END IF;
  IF faculty_slug IS NOT NULL AND refs.faculty_id IS NULL THEN
    RAISE EXCEPTION 'There is no faculty "%".', faculty_slug USING ERRCODE = '22023';
  END IF;

  SELECT array_agg(line.case_id ORDER BY line.case_id) AS case_ids,
         array_agg(line.appeal_letters ORDER BY line.case_id) AS appeal_letters,
         array_agg(line.solidarity_cards ORDER BY line.case_id) AS solidarity_cards,
         bool_or(line.case_id IS NULL) AS unknown_case
    INTO lines
    FROM (
      SELECT (refs.case_ids ->> slug)::integer AS case_id, letters AS appeal_letters, cards AS solidarity_cards
      FROM unnest(case_slugs, appeal_letters, solidarity_cards) AS line(slug, letters, cards)
    ) AS line;
  IF lines.unknown_case THEN
    RAISE EXCEPTION 'There is no such case in this campaign.' USING ERRCODE = '22023';
  END IF;

  content_hash := encode(sha256(convert_to(json_build_array(
    refs.campaign_id, refs.event_id, refs.faculty_id, lines.case_ids, lines.appeal_letters, lines.solidarity_cards
  )::text, 'UTF8')), 'base64');

  SELECT * INTO recorded FROM public.record_pledge(
    client_key, refs.campaign_id, refs.event_id, refs.faculty_id, content_hash,
    lines.case_ids, lines.appeal_letters, lines.solidarity_cards
  );
  IF recorded.pledge_content_hash <> content_hash THEN
    RAISE EXCEPTION 'This pledge key was already used for a different pledge.' USING ERRCODE = '22023';
  END IF;
  RETURN (recorded.pledge_id, recorded.pledge_appeal_letters + recorded.pledge_solidarity_cards)::postgraphile_bench.pledge_receipt;
END
$$;
