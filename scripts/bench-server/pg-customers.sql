-- pgbench ceiling for (b) the partner's customers: the server's list query, without its
-- session lookup and without turning 200 rows into JSON.
SELECT id, rev, data FROM records WHERE scope = :partner AND collection = 'customers' ORDER BY id;
