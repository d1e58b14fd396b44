-- pgbench ceiling for (c) a guarded write: the statements of the server's transaction
-- (lock the record, store the next revision, one audit line, commit with fsync on), on
-- one sheet per client (bench-1 … bench-N, issued by scripts/bench-server.sh), without
-- the session lookup, the judge, or rewriting the sheet's JSON.
BEGIN;
SELECT rev, data FROM records WHERE scope = :partner AND collection = 'settlements' AND id = 'bench-' || (:client_id + 1) FOR UPDATE;
UPDATE records SET rev = rev + 1, updated_at = now(), updated_by = 'pgbench' WHERE scope = :partner AND collection = 'settlements' AND id = 'bench-' || (:client_id + 1);
INSERT INTO audit (scope, collection, record_id, actor, role, event, rev_before, rev_after, at) VALUES (:partner, 'settlements', 'bench-' || (:client_id + 1), 'pgbench', 'main', 'checklist', 0, 0, now());
COMMIT;
