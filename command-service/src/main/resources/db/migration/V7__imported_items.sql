-- Every item an import recorded, once, keyed by where it came from: (source, kind, source id), source being the format
-- and site (disqus, wordpress:blog2). A later import of the same site looks here first: an item already recorded with
-- the same text and state is reported as already there without touching its topic, a topic keeps the id it was given.
-- body_hash is an HMAC-SHA256 of the text under the import secret, so that this table confirms no guess of a text.
-- The Topic aggregate stays the authority (comment ids derive from the source ids, so nothing is recorded twice even
-- if this index lags a crash behind).
create table imported_item (
    source      varchar(80)  not null,
    kind        varchar(8)   not null,
    source_id   text         not null,
    topic_id    varchar(128) not null,
    comment_id  varchar(64),
    body_hash   varchar(64),
    retracted   boolean      not null default false,
    import_id   varchar(32)  not null,
    recorded_at timestamptz  not null default now(),
    primary key (source, kind, source_id),
    constraint imported_item_kind check (kind in ('topic', 'comment'))
);
