-- The topic timeline and the author history held the same rows twice (one per event), written by two inserts per
-- batch. One table serves both: the timeline reads it by its primary key (topic_id, sequence), the author history by
-- activity_newest_first. Both were written from the same events by the same code, so they agree; a row only the
-- timeline has (there should be none) is kept.
insert into author_activity (topic_id, sequence, type, occurred_at, comment_id, author_id, author_name, summary,
                             summary_if_retracted)
select topic_id, sequence, type, occurred_at, comment_id, author_id, author_name, summary, summary_if_retracted
from timeline_entry
on conflict (topic_id, sequence) do nothing;

drop table timeline_entry; -- its index timeline_quoting_comment goes with it

alter table author_activity rename to activity;
alter table activity rename constraint author_activity_pkey to activity_pkey;
alter index author_activity_newest_first rename to activity_newest_first;
alter index author_activity_quoting_comment rename to activity_quoting_comment;
