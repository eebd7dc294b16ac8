-- The scopes a pledge counts in: the campaign, its event, its faculty, both together
-- (0 stands for "all"), each once.
CREATE OR REPLACE FUNCTION pledge_scopes(p_event_id integer, p_faculty_id integer)
RETURNS TABLE (event_id integer, faculty_id integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT scope.event_id, scope.faculty_id FROM (VALUES
    (0, 0),
    (coalesce(p_event_id, 0), 0),
    (0, coalesce(p_faculty_id, 0)),
    (coalesce(p_event_id, 0), coalesce(p_faculty_id, 0))
  ) AS scope(event_id, faculty_id)
$$;
