-- The duplicate check is the index's again (issue 17): a delivery whose copy is already stored,
-- accepted and not dead, is refused by this unique index at its insert, instead of a look-up
-- before every insert (a fifth of the listener's CPU went to that look-up). Dead copies stay out
-- of it, so the same delivery sent again after a dead one is accepted (0003).
--
-- Before this, a dead delivery retried by hand after a later copy had been accepted left two live
-- copies of one delivery; the later ones are marked as copies of the first, and the index leaves
-- marked rows out.
UPDATE inbox SET duplicate_of = g.first
FROM (SELECT connection_id, delivery_key, MIN(id) AS first FROM inbox
      WHERE verdict = 'accepted' AND processing <> 'dead' AND delivery_key IS NOT NULL AND duplicate_of IS NULL
      GROUP BY connection_id, delivery_key HAVING COUNT(*) > 1) AS g
WHERE inbox.connection_id = g.connection_id AND inbox.delivery_key = g.delivery_key AND inbox.verdict = 'accepted'
  AND inbox.processing <> 'dead' AND inbox.duplicate_of IS NULL AND inbox.id > g.first;

DROP INDEX inbox_dedupe;
CREATE UNIQUE INDEX inbox_dedupe ON inbox (connection_id, delivery_key)
  WHERE verdict = 'accepted' AND processing <> 'dead' AND duplicate_of IS NULL;
