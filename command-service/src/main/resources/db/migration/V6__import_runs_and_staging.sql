-- Imports of Disqus and WordPress exports (docs/import.md). An export is read once, as it arrives, into the staging
-- tables (what each item becomes, by the mapping rules); then it is recorded topic by topic through the Topic
-- aggregate. Staged rows hold what people wrote, so they live only until their topic is recorded: a finished import
-- keeps its counts and report lines, never a body or a name.
create table import_run (
    import_id   varchar(32)  not null primary key,
    format      varchar(16)  not null,
    site        varchar(64)  not null default '',
    -- the admin who started it: the opener of the topics it creates and who retracts what the source deleted
    importer_id   varchar(64) not null,
    importer_name text        not null,
    state       varchar(16)  not null,
    created_at  timestamptz  not null default now(),
    finished_at timestamptz,
    topics      integer      not null default 0,
    comments    integer      not null default 0,
    replies     integer      not null default 0,
    retracted   integer      not null default 0,
    skipped     integer      not null default 0,
    edited      integer      not null default 0,
    unchanged   integer      not null default 0,
    failure     varchar(1000),
    constraint import_run_state check (state in ('running', 'completed', 'failed'))
);

create index import_run_running on import_run (created_at) where state = 'running';

-- One line per item that was skipped or changed, in the order they were found; never what a person wrote.
create table import_report_line (
    import_id varchar(32)   not null references import_run on delete cascade,
    line_no   bigserial     not null,
    kind      varchar(16)   not null,
    source_id text,
    outcome   varchar(16)   not null,
    reason    varchar(1000) not null,
    primary key (import_id, line_no)
);

-- What each page becomes; a page that is not imported is staged with why, so that its comments are reported with it.
create table import_staged_topic (
    import_id       varchar(32) not null references import_run on delete cascade,
    topic_source_id text        not null,
    topic_id        varchar(128) not null,
    title           text        not null,
    url             text,
    source_time     timestamptz,
    closed          boolean     not null,
    skipped         text,
    -- how many more times the export lists this source id (the first entry is the one imported)
    repeats         integer     not null default 0,
    primary key (import_id, topic_source_id)
);

-- What each comment becomes (post, retracted: deleted in the source, skip); a skipped one is staged without its text,
-- only so that its replies find the nearest ancestor that is kept.
create table import_staged_comment (
    import_id        varchar(32) not null references import_run on delete cascade,
    source_id        text        not null,
    topic_source_id  text        not null,
    parent_source_id text,
    comment_id       varchar(64) not null,
    action           varchar(16) not null,
    author_id        varchar(64),
    author_name      text,
    source_time      timestamptz,
    body             text,
    repeats          integer     not null default 0,
    primary key (import_id, source_id),
    constraint import_staged_comment_action check (action in ('post', 'retracted', 'skip'))
);

create index import_staged_comment_by_topic on import_staged_comment (import_id, topic_source_id);
