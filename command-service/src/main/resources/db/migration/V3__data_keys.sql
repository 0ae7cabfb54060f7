-- The key store for crypto-shredding: one AES-256 data key per author and generation, wrapped by the key-encryption
-- key from the environment (so this table alone opens nothing). Erasure destroys the wrapped key and keeps the row as a
-- tombstone without key material, so that readers are told the key was erased (and forget it) rather than that it
-- never existed. A key id is random and says nothing about its author.
create table data_key (
    key_id      varchar(32) not null primary key,
    author_id   varchar(64) not null,
    generation  integer     not null,
    wrapped_key bytea,
    kek_id      varchar(32),
    created_at  timestamptz not null default now(),
    erased_at   timestamptz,
    unique (author_id, generation),
    constraint data_key_material_until_erased check ((erased_at is null) = (wrapped_key is not null and kek_id is not null))
);

-- At most one key per author is in use; an erased author who writes again gets the next generation.
create unique index data_key_in_use on data_key (author_id) where erased_at is null;

-- Re-wrapping after a key-encryption key rotation finds the rows still wrapped by an older one.
create index data_key_by_kek on data_key (kek_id) where erased_at is null;

-- Every access to data keys through the key endpoint: who (the service token's subject), when, which key ids and what
-- was answered. No key material and no personal data.
create table key_access (
    id          bigserial   not null primary key,
    accessed_at timestamptz not null default now(),
    consumer    varchar(64) not null,
    outcome     varchar(16) not null,
    key_ids     text[]      not null,
    served      integer     not null,
    erased      integer     not null,
    unknown     integer     not null
);

create index key_access_accessed_at on key_access (accessed_at);
