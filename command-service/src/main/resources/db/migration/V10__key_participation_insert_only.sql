-- key_participation is written once for every (key, topic) a write seals in, about once per imported comment, and read
-- only by an erasure, by key id: the primary key's prefix. Its index by author was read by nothing. Its foreign key ran
-- one more row lock and query per inserted row, though the sealing statement inserts only pairs whose key row it holds
-- share-locked (and data_key rows are never deleted), so no row could ever refer to a missing key.
drop index key_participation_by_author;
alter table key_participation drop constraint key_participation_key_id_fkey;
