// The widget's words in Norwegian Bokmål and English, chosen from the browser's languages.

const en = {
  comments: (n) => (n === 1 ? '1 comment' : `${n} comments`),
  discussion: 'Discussion',
  loading: 'Loading the discussion…',
  loadFailed: 'The discussion could not be loaded.',
  retry: 'Try again',
  empty: 'No comments yet.',
  loadMore: 'Load more comments',
  reply: 'Reply',
  edit: 'Edit',
  retract: 'Retract',
  confirmRetract: 'Yes, retract it',
  cancel: 'Cancel',
  post: 'Post',
  save: 'Save',
  posting: 'Posting…',
  yourComment: 'Your comment',
  yourReply: (name) => `Your reply to ${name}`,
  editYour: 'Edit your comment',
  retractQuestion: 'Retract this comment? Its text will no longer be shown.',
  retracted: 'This comment was retracted.',
  withheld: '(text withheld)',
  edited: 'edited',
  history: 'Edit history',
  revision: (n) => `Revision ${n}`,
  replyTo: (name) => `reply to ${name}`,
  showParent: (name) => `Show the comment by ${name}`,
  readOnly: 'Sign in on this site to take part.',
  signedInAs: (name) => `Signed in as ${name}`,
  locked: 'This discussion is locked.',
  newComment: (name) => `New comment by ${name}`,
  commentEdited: (name) => `${name} edited a comment`,
  stale: (revision) => `This comment was changed meanwhile; it is now at revision ${revision}. Reload it to see the current text, then save again to replace it with yours.`,
  reloadComment: 'Reload the comment',
  reloaded: 'The current text is shown above; your text is kept here.',
  expired: 'Your sign-in has expired. Sign in again on this site.',
  unreachable: 'commonplace could not be reached. Check your connection and try again.',
  replay: 'Replay',
  replayTitle: 'Replay the discussion',
  play: 'Play',
  pause: 'Pause',
  backToNow: 'Back to now',
  pointInTime: 'Point in the discussion',
  asOf: (time) => `The discussion as of ${time}`,
  eventOf: (index, total) => `Event ${index} of ${total}`,
  replayEmpty: 'Nothing to replay yet.',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  newRoots: (n) => (n === 1 ? 'Show 1 new comment' : `Show ${n} new comments`),
  by: 'by',
};

const nb = {
  comments: (n) => (n === 1 ? '1 kommentar' : `${n} kommentarer`),
  discussion: 'Diskusjon',
  loading: 'Henter diskusjonen …',
  loadFailed: 'Diskusjonen kunne ikke hentes.',
  retry: 'Prøv igjen',
  empty: 'Ingen kommentarer ennå.',
  loadMore: 'Vis flere kommentarer',
  reply: 'Svar',
  edit: 'Rediger',
  retract: 'Trekk tilbake',
  confirmRetract: 'Ja, trekk den tilbake',
  cancel: 'Avbryt',
  post: 'Publiser',
  save: 'Lagre',
  posting: 'Publiserer …',
  yourComment: 'Din kommentar',
  yourReply: (name) => `Ditt svar til ${name}`,
  editYour: 'Rediger kommentaren din',
  retractQuestion: 'Trekke tilbake denne kommentaren? Teksten vises ikke lenger.',
  retracted: 'Denne kommentaren er trukket tilbake.',
  withheld: '(teksten er holdt tilbake)',
  edited: 'redigert',
  history: 'Redigeringshistorikk',
  revision: (n) => `Versjon ${n}`,
  replyTo: (name) => `svar til ${name}`,
  showParent: (name) => `Vis kommentaren fra ${name}`,
  readOnly: 'Logg inn på dette nettstedet for å delta.',
  signedInAs: (name) => `Logget inn som ${name}`,
  locked: 'Denne diskusjonen er stengt.',
  newComment: (name) => `Ny kommentar fra ${name}`,
  commentEdited: (name) => `${name} redigerte en kommentar`,
  stale: (revision) => `Kommentaren er endret i mellomtiden og er nå versjon ${revision}. Hent den på nytt for å se gjeldende tekst, og lagre igjen for å erstatte den med din.`,
  reloadComment: 'Hent kommentaren på nytt',
  reloaded: 'Gjeldende tekst vises over; teksten din er beholdt her.',
  expired: 'Innloggingen din er utløpt. Logg inn på nytt på nettstedet.',
  unreachable: 'Fikk ikke kontakt med commonplace. Sjekk tilkoblingen og prøv igjen.',
  replay: 'Spill av',
  replayTitle: 'Spill av diskusjonen',
  play: 'Spill av',
  pause: 'Pause',
  backToNow: 'Tilbake til nå',
  pointInTime: 'Tidspunkt i diskusjonen',
  asOf: (time) => `Diskusjonen slik den var ${time}`,
  eventOf: (index, total) => `Hendelse ${index} av ${total}`,
  replayEmpty: 'Ingenting å spille av ennå.',
  live: 'Direkte',
  reconnecting: 'Kobler til igjen …',
  newRoots: (n) => (n === 1 ? 'Vis 1 ny kommentar' : `Vis ${n} nye kommentarer`),
  by: 'av',
};

/** 'nb' for Norwegian (Bokmål, Nynorsk or plain "no"), else 'en', after the order of the browser's languages. */
export function chooseLanguage(languages = navigator.languages || [navigator.language || 'en']) {
  for (const tag of languages) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (primary === 'nb' || primary === 'nn' || primary === 'no') return 'nb';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** The words and the time formats of one language. */
export function texts(lang = chooseLanguage()) {
  const words = lang === 'nb' ? nb : en;
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const exact = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'medium' });
  const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [7, 'day'], [4.345, 'week'], [12, 'month'], [Infinity, 'year']];
  return {
    lang,
    ...words,
    exactTime: (date) => exact.format(date),
    relativeTime(date, now = Date.now()) {
      let amount = (date.getTime() - now) / 1000;
      if (Math.abs(amount) < 45) return relative.format(0, 'second');
      for (const [size, unit] of steps) {
        if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
        amount /= size;
      }
      return exact.format(date);
    },
  };
}
