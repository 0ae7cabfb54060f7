-- Which topic a comment belongs to, for the /comments/{commentId} routes; written in the same transaction as the
-- events that create the comment.
create table comment_directory (
    comment_id varchar(64)  not null primary key,
    topic_id   varchar(128) not null
);

-- The first answer to each (author, Idempotency-Key), kept 24 hours; the primary key serialises concurrent retries.
create table idempotency_record (
    author_id       varchar(64)  not null,
    idempotency_key varchar(255) not null,
    fingerprint     varchar(64)  not null,
    created_at      timestamptz  not null default now(),
    answer_type     varchar(255),
    answer          jsonb,
    primary key (author_id, idempotency_key)
);

create index idempotency_record_created_at on idempotency_record (created_at);
