-- Adds pledges in bulk, as many students would have made them: spread over the seed event (or
-- none) and the faculties (or none), one to three lines on random cases of the current
-- campaign. Then rebuilds the tallies from the pledges, exactly as record_pledge would have
-- left them (same scopes, same shard of the client key). Parameter :count.
CREATE TEMP TABLE new_pledge AS
SELECT gen_random_uuid() AS client_key,
       campaign.id AS campaign_id,
       CASE WHEN random() < 0.5 THEN (SELECT id FROM event WHERE campaign_id = campaign.id ORDER BY id LIMIT 1) END AS event_id,
       CASE WHEN random() < 0.8 THEN (SELECT id FROM faculty ORDER BY id OFFSET (n % 8) LIMIT 1) END AS faculty_id,
       1 + (n % 3) AS line_count,
       n
FROM generate_series(1, :count) AS n
CROSS JOIN (SELECT id FROM campaign WHERE is_current) AS campaign;

CREATE TEMP TABLE new_line AS
SELECT p.client_key, c.id AS case_id, 1 + (random() * 2)::int AS appeal_letters, (random() * 2)::int AS solidarity_cards
FROM new_pledge p
CROSS JOIN LATERAL (
  SELECT id FROM "case" WHERE campaign_id = p.campaign_id ORDER BY md5(p.n::text || id::text) LIMIT p.line_count
) AS c;

INSERT INTO pledge (client_key, campaign_id, event_id, faculty_id, content_hash, appeal_letters, solidarity_cards, created_at)
SELECT p.client_key, p.campaign_id, p.event_id, p.faculty_id, md5(p.client_key::text),
       sum(l.appeal_letters), sum(l.solidarity_cards), now() - random() * interval '20 days'
FROM new_pledge p JOIN new_line l USING (client_key)
GROUP BY p.client_key, p.campaign_id, p.event_id, p.faculty_id;

INSERT INTO pledge_line (pledge_id, case_id, appeal_letters, solidarity_cards)
SELECT pledge.id, l.case_id, l.appeal_letters, l.solidarity_cards
FROM new_line l JOIN pledge USING (client_key);

TRUNCATE case_tally, scope_tally;

INSERT INTO case_tally (campaign_id, event_id, faculty_id, case_id, shard, appeal_letters, solidarity_cards)
SELECT p.campaign_id, s.event_id, s.faculty_id, l.case_id, abs(hashtext(p.client_key::text)) % 16,
       sum(l.appeal_letters), sum(l.solidarity_cards)
FROM pledge p
JOIN pledge_line l ON l.pledge_id = p.id
CROSS JOIN LATERAL pledge_scopes(p.event_id, p.faculty_id) AS s
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO scope_tally (campaign_id, event_id, faculty_id, shard, pledges, updated_at)
SELECT p.campaign_id, s.event_id, s.faculty_id, abs(hashtext(p.client_key::text)) % 16, count(*), max(p.created_at)
FROM pledge p
CROSS JOIN LATERAL pledge_scopes(p.event_id, p.faculty_id) AS s
GROUP BY 1, 2, 3, 4;

DROP TABLE new_pledge, new_line;
