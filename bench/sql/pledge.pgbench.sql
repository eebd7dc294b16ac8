-- Exactly the SQL one pledge needs, as the service sends it: the slug lookup of
-- PledgeService.resolveRefs, then record_pledge with the resolved ids, lines sorted by case id
-- and a sha256 content hash. A fresh client key per transaction.
SELECT refs.campaign_id, refs.event_id, refs.faculty_id,
       least((refs.case_ids ->> 'zhang-zhan')::int, (refs.case_ids ->> 'janna-jihad')::int) AS first_case,
       greatest((refs.case_ids ->> 'zhang-zhan')::int, (refs.case_ids ->> 'janna-jihad')::int) AS second_case
FROM (
  SELECT campaign.id AS campaign_id,
         event.id AS event_id,
         event.campaign_id AS event_campaign_id,
         (SELECT id FROM faculty WHERE slug = 'engineering') AS faculty_id,
         (SELECT json_object_agg(c.slug, c.id) FROM "case" c
           WHERE c.campaign_id = campaign.id AND c.slug = ANY(ARRAY['zhang-zhan', 'janna-jihad']::text[])) AS case_ids
  FROM (SELECT 1) AS one
  LEFT JOIN event ON event.slug = 'human-rights-day-2026'
  LEFT JOIN campaign ON (CASE
    WHEN NULL::text IS NOT NULL THEN campaign.slug = NULL
    WHEN event.id IS NOT NULL THEN campaign.id = event.campaign_id
    ELSE campaign.is_current
  END)
) AS refs
\gset
SELECT * FROM record_pledge(gen_random_uuid(), :campaign_id, :event_id, :faculty_id,
  encode(sha256(convert_to(random()::text, 'UTF8')), 'base64'),
  ARRAY[:first_case, :second_case]::int[], ARRAY[1, 1]::int[], ARRAY[1, 0]::int[]);
