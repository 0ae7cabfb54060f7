-- An index never holds unbounded text: a B-tree row is at most about 2.7 kB, and a URL may be 2,048 characters (its
-- normalised form beside it), so V3's copies of url and normalized_url failed the insert of one long link, and with it
-- the whole batch. The index keeps the thread page's links in answer order (comment, then as shared); the few columns
-- shown come from the table rows it points to.
drop index comment_link_in_order;
create index comment_link_in_order on comment_link (comment_id, sequence, share_id);
