-- Exactly the SQL one pledge needs, as the service sends it: one call of submit_pledge, which
-- resolves the slugs and records the pledge with its tallies. A fresh client key per transaction.
SELECT * FROM submit_pledge(gen_random_uuid(), NULL, 'human-rights-day-2026', 'engineering',
  ARRAY['zhang-zhan', 'janna-jihad']::text[], ARRAY[1, 1]::int[], ARRAY[1, 0]::int[]);
