// The topic's live stream (Server-Sent Events). EventSource resumes by itself with Last-Event-ID after a dropped
// connection; when the service refuses the stream (over its limits) it is retried later from the last event seen.

const EVENT_TYPES = ['CommentPosted', 'ReplyPosted', 'CommentEdited', 'CommentRetracted', 'LinkShared',
  'TopicOpened', 'TopicLocked', 'TopicUnlocked'];

export function connect(url, { onEvent, onReady, onReload, onState }) {
  let source = null;
  let lastId = null;
  let closed = false;
  let retryDelay = 5000;
  let retryTimer = null;

  const open = () => {
    const address = new URL(url);
    if (lastId) address.searchParams.set('after', lastId);
    source = new EventSource(address.href);
    source.addEventListener('open', () => {
      retryDelay = 5000;
      onState('live');
    });
    source.addEventListener('ready', (event) => {
      lastId = event.lastEventId || lastId;
      onReady(JSON.parse(event.data));
    });
    source.addEventListener('reload', () => onReload());
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (event) => {
        lastId = event.lastEventId || lastId;
        try {
          onEvent(type, JSON.parse(event.data));
        } catch (malformed) {
          // an event this widget cannot read is skipped; the next read of the thread shows it
        }
      });
    }
    source.addEventListener('error', () => {
      if (closed) return;
      if (source.readyState === EventSource.CLOSED) {
        // refused (429/503) or the address is gone: come back later, from where we were
        onState('reconnecting');
        retryTimer = setTimeout(open, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 120000);
      } else {
        onState('reconnecting');
      }
    });
  };
  open();
  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      if (source) source.close();
    },
  };
}
