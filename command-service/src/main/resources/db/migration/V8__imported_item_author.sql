-- Whose text an imported comment is, so that an erasure finds that author's rows and clears their digest (a digest of
-- a text is personal data too). Rows recorded before this column existed keep it null: an erasure cannot tell them
-- apart and leaves their digest (docs/import.md, "Erasure").
alter table imported_item add column author_id varchar(64);

create index imported_item_by_author on imported_item (author_id) where author_id is not null;
