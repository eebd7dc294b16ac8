-- What one pledge does, exposed by PostGraphile v5 as a mutation (`submitPledge`): the same
-- public.submit_pledge call the service makes (slug lookup, checks, content hash,
-- record_pledge), with its refusals raised as errors. Created by the benchmark in its own
-- database only, in its own schema, so PostGraphile exposes nothing else.
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
  submitted record;
BEGIN
  SELECT * INTO submitted FROM public.submit_pledge(client_key, NULL, event_slug, faculty_slug, case_slugs, appeal_letters, solidarity_cards);
  IF submitted.pledge_id IS NULL THEN
    RAISE EXCEPTION 'A campaign, event, faculty or case in this pledge does not exist.' USING ERRCODE = '22023';
  END IF;
  IF NOT submitted.same_content THEN
    RAISE EXCEPTION 'This pledge key was already used for a different pledge.' USING ERRCODE = '22023';
  END IF;
  RETURN (submitted.pledge_id, submitted.pledge_appeal_letters + submitted.pledge_solidarity_cards)::postgraphile_bench.pledge_receipt;
END
$$;
