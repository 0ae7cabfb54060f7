-- Sealed events are opened with their writers' data keys. A body that cannot be restored (its writer was erased, or it
-- does not open) is null, and body_withheld says why: 'erased' or 'unreadable' (a retraction says so by itself).
alter table comment add column body_withheld text;
alter table comment_revision add column body_withheld text;

-- Who shared each link: an erasure removes every link its writer shared, on anyone's comment. Null on rows written
-- before this column existed.
alter table comment_link add column author_id text;

-- A comment whose writer was erased keeps its place and its counts; its texts, name and links are gone.
alter table comment add column author_erased boolean not null default false;

-- The AuthorErased events applied, one per erasure and topic: an erasure's position is reached once it is applied in
-- as many topics as it spans (topic_count).
create table erasure_applied (
    erasure_id       text        not null,
    topic_id         text        not null,
    erased_author_id text        not null,
    topic_count      integer     not null,
    sequence         bigint      not null,
    applied_at       timestamptz not null default now(),
    primary key (erasure_id, topic_id)
);
