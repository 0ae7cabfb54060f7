-- A thread page reads the links of all its comments in their answer order (comment, then as shared) from this index
-- alone: an index-only scan, no visit to the table and no sort.
create index comment_link_in_order
    on comment_link (comment_id, sequence, share_id) include (url, normalized_url, domain);
