-- Discussion topics whose next event could not be applied: the topic waits at that event (order kept), every other
-- topic goes on. head_sequence is the waiting event; requested is set by an admin's retry or skip until the consumer
-- has done it (skip_sequence names the event a skip drops).
create table parked_topic (
    topic_id            text        primary key,
    head_sequence       bigint      not null,
    head_type           text        not null,
    reason              text        not null,
    since               timestamptz not null default now(),
    attempts            integer     not null,
    last_attempt_at     timestamptz not null default now(),
    waiting             bigint      not null default 0,
    requested           text check (requested in ('retry', 'skip')),
    requested_action_id bigint,
    skip_sequence       bigint
);
create index parked_topic_requested on parked_topic (last_attempt_at) where requested is not null;

-- The records of parked topics, the first one that failed and every later one, in the order they arrived; applied
-- (and deleted) when the topic resumes. The value is the record value exactly as it came.
create table parked_event (
    topic_id        text    not null,
    arrival         bigint  generated always as identity,
    sequence        bigint  not null,
    kafka_partition integer not null,
    kafka_offset    bigint  not null,
    record_value    bytea   not null,
    primary key (topic_id, arrival),
    -- a redelivered record waits once
    unique (topic_id, sequence)
);

-- Every admin action on a parked topic: who asked for what and when, and how it ended. The skips recorded here are
-- also why a rebuild that parks at a skipped event resumes that topic after the switch.
create table parking_action (
    id          bigint      generated always as identity primary key,
    topic_id    text        not null,
    action      text        not null check (action in ('retry', 'skip')),
    actor       text        not null,
    at          timestamptz not null default now(),
    sequence    bigint      not null,
    event_type  text        not null,
    outcome     text        not null default 'requested',
    finished_at timestamptz
);
create index parking_action_by_topic on parking_action (topic_id, sequence);
