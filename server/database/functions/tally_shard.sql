-- The shard a pledge counts in, picked by its client key: a replay lands on the same rows.
CREATE OR REPLACE FUNCTION tally_shard(p_client_key uuid) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
  SELECT (abs(hashtext(p_client_key::text)) % tally_shards())::smallint
$$;
