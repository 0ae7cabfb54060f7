-- Sealing at store time: every event's personal fields are stored sealed under its author's data key.

-- Which topics each data key sealed events in, written in the same transaction as the first such event (which holds a
-- share lock on the key's row meanwhile): an erasure, which updates that row, finds here every topic it must be
-- recorded in. Ids only.
create table key_participation (
    key_id    varchar(32)  not null references data_key (key_id),
    topic_id  varchar(128) not null,
    author_id varchar(64)  not null,
    primary key (key_id, topic_id)
);

create index key_participation_by_author on key_participation (author_id);

-- Authors whose events were stored before sealing existed, in plaintext, and the topics they hold them in: they cannot
-- be erased by destroying a key until the one-time re-encryption has sealed those events (docs/privacy.md).
create table plaintext_participation (
    author_id varchar(64)  not null,
    topic_id  varchar(128) not null,
    primary key (author_id, topic_id)
);

insert into plaintext_participation (author_id, topic_id)
select distinct convert_from(payload, 'UTF8')::jsonb ->> 'authorId', aggregateidentifier
from domainevententry
where payloadtype like 'commonplace.events.%'
  and convert_from(payload, 'UTF8')::jsonb ->> 'authorId' is not null
  and not (convert_from(payload, 'UTF8')::jsonb ? 'encrypted')
  and payloadtype <> 'commonplace.events.AuthorErased'
on conflict do nothing;

-- Snapshots of the aggregate's earlier shape held plain digests of bodies and the shared addresses themselves; the
-- new shape (revision 4) holds keyed digests only. Topics are loaded from their events until a new snapshot is taken.
delete from snapshotevententry;
