-- Erasures: who was erased (by their opaque account id), by whom, which data keys were destroyed, and the topics the
-- erasure must be recorded in (an AuthorErased event in each, by a background job that resumes after a crash). Ids only.
create table erasure (
    erasure_id   varchar(32) not null primary key,
    author_id    varchar(64) not null,
    requested_by varchar(64) not null,
    key_ids      text[]      not null,
    topic_count  integer     not null,
    requested_at timestamptz not null default now(),
    completed_at timestamptz
);

create index erasure_by_author on erasure (author_id, requested_at desc);

create table erasure_topic (
    erasure_id  varchar(32)  not null references erasure (erasure_id),
    topic_id    varchar(128) not null,
    recorded_at timestamptz,
    primary key (erasure_id, topic_id)
);

-- The job's work list: what is still to be recorded.
create index erasure_topic_pending on erasure_topic (erasure_id) where recorded_at is null;
