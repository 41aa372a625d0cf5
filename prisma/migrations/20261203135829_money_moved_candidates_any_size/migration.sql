-- The money version's trigger on candidates compared each statement's old and new rows with a join on id.
-- PL/pgSQL plans that query once per connection, sized to the statement it first runs for: after a
-- one-row update (a contact logged), the join stayed a nested loop, and a 2,000-row update on the same
-- connection (a chunk of an admission list) spent over a second in it, 50 times per list. The rows whose
-- counted columns changed are now found as set differences, hashed or sorted whatever the first plan
-- was sized for: a changed row of the new set is not in the old one (its new campaign moves), and of the
-- old set not in the new one (its old campaign moves).
CREATE OR REPLACE FUNCTION "money_moved_candidates"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "money_moved"(c) FROM (SELECT DISTINCT "campaignId" FROM new_rows) AS moved(c);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "money_moved"(c) FROM (SELECT DISTINCT "campaignId" FROM old_rows) AS moved(c);
  ELSE
    PERFORM "money_moved"(c) FROM (
      SELECT changed."campaignId" FROM (
        SELECT id, "campaignId", "creditCallerId", "assignedCallerId", admitted, enrollment, "enrollmentRecord",
               decline
        FROM new_rows
        EXCEPT
        SELECT id, "campaignId", "creditCallerId", "assignedCallerId", admitted, enrollment, "enrollmentRecord",
               decline
        FROM old_rows
      ) AS changed
      UNION
      SELECT changed."campaignId" FROM (
        SELECT id, "campaignId", "creditCallerId", "assignedCallerId", admitted, enrollment, "enrollmentRecord",
               decline
        FROM old_rows
        EXCEPT
        SELECT id, "campaignId", "creditCallerId", "assignedCallerId", admitted, enrollment, "enrollmentRecord",
               decline
        FROM new_rows
      ) AS changed
    ) AS moved(c);
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql SET jit = off;
