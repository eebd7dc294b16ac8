-- Makes one campaign the current one, in one statement for the service (docs/architecture.md):
-- the old current campaign is cleared first, so that the one-current index never sees two.
-- Returns the campaign's id, or NULL when no campaign has the slug.
CREATE OR REPLACE FUNCTION set_current_campaign(p_slug text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  v_id integer;
BEGIN
  SELECT id INTO v_id FROM campaign WHERE slug = p_slug;
  IF v_id IS NULL THEN
    RETURN NULL;
  END IF;
  UPDATE campaign SET is_current = false WHERE is_current AND id <> v_id;
  UPDATE campaign SET is_current = true WHERE id = v_id;
  RETURN v_id;
END
$$;
