-- pgbench ceiling for (a) one record: the server's read, without its session lookup.
SELECT rev, data FROM records WHERE scope = :partner AND collection = 'profiles' AND id = 'partner';
