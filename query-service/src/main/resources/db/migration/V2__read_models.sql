-- Every read model, and the per-topic progress that makes applying them idempotent. Kept apart from the
-- consumer's bookkeeping so that a rebuild can run this file into a sibling schema and swap it in.

-- The highest sequence of each discussion topic already applied to every read model below.
create table topic_progress (
    topic_id         text        primary key,
    applied_sequence bigint      not null,
    applied_events   bigint      not null default 0,
    last_occurred_at timestamptz
);

-- Every envelope exactly as it arrived (text, not jsonb: jsonb would reorder keys): the replay feed.
create table event_log (
    topic_id    text        not null,
    sequence    bigint      not null,
    type        text        not null,
    occurred_at timestamptz not null,
    envelope    text        not null,
    primary key (topic_id, sequence)
);

-- Topic summaries, most recently active first.
create table topic (
    topic_id         text        primary key,
    title            text,
    url              text,
    normalized_url   text,
    description      text,
    opened_at        timestamptz,
    opened_by_id     text,
    opened_by_name   text,
    locked           boolean     not null default false,
    comment_count    integer     not null default 0,
    last_activity_at timestamptz not null,
    last_sequence    bigint      not null
);
create index topic_by_activity on topic (last_activity_at desc, topic_id desc);

-- The comment tree. path = the zero-padded sequences from the root down, so ORDER BY path is depth first with
-- replies oldest first; collation "C" compares it byte by byte.
create table comment (
    comment_id  text        primary key,
    topic_id    text        not null,
    parent_id   text,
    root_id     text        not null,
    path        text collate "C" not null,
    depth       integer     not null,
    sequence    bigint      not null,
    author_id   text        not null,
    author_name text        not null,
    body        text,
    created_at  timestamptz not null,
    edited_at   timestamptz,
    revision    integer     not null,
    retracted   boolean     not null default false,
    reply_count integer     not null default 0
);
create index comment_roots on comment (topic_id, sequence) where parent_id is null;
create index comment_by_root on comment (root_id) where parent_id is not null;

-- Every revision of every comment (revision 1 is the body as posted); bodies null once retracted.
create table comment_revision (
    comment_id text        not null,
    revision   integer     not null,
    body       text,
    at         timestamptz not null,
    primary key (comment_id, revision)
);

-- Links attached to a comment: found in its body or shared onto it.
create table comment_link (
    comment_id     text   not null,
    share_id       text   not null,
    origin         text   not null,
    url            text   not null,
    normalized_url text   not null,
    domain         text   not null,
    sequence       bigint not null,
    primary key (comment_id, share_id)
);

-- Every activity of a topic, oldest first. summary_if_retracted replaces summary once the comment it quotes is
-- retracted (null when the summary quotes nothing).
create table timeline_entry (
    topic_id             text        not null,
    sequence             bigint      not null,
    type                 text        not null,
    occurred_at          timestamptz not null,
    comment_id           text,
    author_id            text        not null,
    author_name          text        not null,
    summary              text        not null,
    summary_if_retracted text,
    primary key (topic_id, sequence)
);
create index timeline_quoting_comment on timeline_entry (comment_id) where summary_if_retracted is not null;

-- Everything each author did, across topics, newest first.
create table author_activity (
    topic_id             text        not null,
    sequence             bigint      not null,
    type                 text        not null,
    occurred_at          timestamptz not null,
    comment_id           text,
    author_id            text        not null,
    author_name          text        not null,
    summary              text        not null,
    summary_if_retracted text,
    primary key (topic_id, sequence)
);
create index author_activity_newest_first on author_activity (author_id, occurred_at desc, topic_id desc, sequence desc);
create index author_activity_quoting_comment on author_activity (comment_id) where summary_if_retracted is not null;
