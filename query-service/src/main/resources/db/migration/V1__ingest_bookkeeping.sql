-- Where the consumer stands in the Kafka topic, stored in the same transaction as the read-model changes it
-- caused, so a crash or a rebalance resumes exactly after the last applied batch.
create table consumer_offset (
    kafka_topic     text        not null,
    kafka_partition integer     not null,
    next_offset     bigint      not null,
    updated_at      timestamptz not null default now(),
    primary key (kafka_topic, kafka_partition)
);

-- Records that could not be read as events. The stream goes on without them; they stay here with the reason.
create table dead_letter (
    id              bigint generated always as identity primary key,
    kafka_topic     text        not null,
    kafka_partition integer     not null,
    kafka_offset    bigint      not null,
    record_key      text,
    record_value    bytea,
    reason          text        not null,
    received_at     timestamptz not null default now(),
    -- a redelivered record is dead-lettered once
    unique (kafka_topic, kafka_partition, kafka_offset)
);
