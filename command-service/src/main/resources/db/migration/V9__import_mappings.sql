-- The mapping file a site owner stored for a format and site (site '' for most): every import of that format and site
-- reads it at its start (docs/import.md). Kept byte for byte as sent, so that GET gives back exactly the file; it was
-- checked by the same reader the import uses before it was stored.
create table import_mapping (
    format     varchar(16) not null,
    site       varchar(64) not null default '',
    content    bytea       not null,
    updated_at timestamptz not null default now(),
    updated_by varchar(64) not null,
    primary key (format, site)
);
