-- A record that could not be read is stored exactly as it came: its key as bytes (any bytes are a valid Kafka key, a NUL
-- or invalid UTF-8 among them, which a text column refuses), its value up to a bound with the size it had.
alter table dead_letter alter column record_key type bytea using convert_to(record_key, 'UTF8');
alter table dead_letter add column record_value_size integer;
update dead_letter set record_value_size = octet_length(record_value);
