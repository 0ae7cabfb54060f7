-- asOf answers from the state a topic had reached at an instant: how far its log had come by then is read from this
-- index alone (how many events, up to which sequence), which keys the cache of folded threads (thread/ThreadAsOf).
create index event_log_by_instant on event_log (topic_id, occurred_at, sequence);
