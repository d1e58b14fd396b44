-- A visitor account may be referred to one channel manager (the 专属渠道经理 who invited the
-- company): its application is then in that manager's queue only. An application of an
-- account referred to nobody stays in every manager's queue.
ALTER TABLE accounts ADD COLUMN referred_to text REFERENCES accounts (id);
