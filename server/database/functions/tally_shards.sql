-- How many rows each scope's tallies are split into, so that concurrent pledges spread over
-- that many counter rows per case instead of queueing on one (docs/architecture.md, "No hot
-- counter row"). Reads sum every shard, so the number can change without moving any row.
CREATE OR REPLACE FUNCTION tally_shards() RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT 16
$$;
