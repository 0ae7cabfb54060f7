// Replay: a slider over the topic's events (its timeline). Each position shows the thread as it was right after that
// event (the thread's asOf); Play steps forward one event at a time.

import { h } from './dom.js';

const STEP_MILLIS = 900;
const SETTLE_MILLIS = 120;

/** The instant just after an event: asOf includes everything up to it, and the answers' times have milliseconds. */
export function justAfter(at) {
  return /\.\d{3}Z$/.test(at) ? at.replace(/Z$/, '999Z') : at;
}

/**
 * @param loadTimeline async () => every timeline entry, oldest first
 * @param showAt       async (asOfInstant, entry) => shows the thread at that instant
 * @param exit         called by "Back to now"
 */
export function replayPanel(t, { loadTimeline, showAt, exit, announce }) {
  const sliderId = `cp-replay-${Math.random().toString(36).slice(2)}`;
  const slider = h('input', { type: 'range', id: sliderId, min: 0, max: 0, step: 1, value: 0, disabled: true });
  const where = h('output', { for: sliderId, class: 'where' });
  const play = h('button', { type: 'button', class: 'play', text: t.play, disabled: true, 'aria-pressed': 'false' });
  const back = h('button', { type: 'button', text: t.backToNow, onclick: () => exit() });
  const panel = h('section', { class: 'replay', 'aria-label': t.replayTitle },
    h('label', { for: sliderId, text: t.pointInTime }), slider, where, h('div', { class: 'buttons' }, play, back));
  let entries = [];
  let shown = -1;
  let request = 0;
  let timer = null;
  let settle = null;

  const describe = (index) => {
    const entry = entries[index];
    const time = t.exactTime(new Date(entry.at));
    slider.setAttribute('aria-valuetext', `${time}: ${entry.author.name} – ${entry.summary}`);
    where.replaceChildren(h('span', { text: t.eventOf(index + 1, entries.length) }), ' · ',
      h('time', { datetime: entry.at, text: time }), ' · ', h('span', { text: `${entry.author.name} – ${entry.summary}` }));
  };
  const select = async (index) => {
    if (index === shown || !entries[index]) return;
    shown = index;
    describe(index);
    const mine = ++request;
    await showAt(justAfter(entries[index].at), entries[index], () => mine === request);
  };
  const stop = () => {
    clearInterval(timer);
    timer = null;
    play.textContent = t.play;
    play.setAttribute('aria-pressed', 'false');
  };
  slider.addEventListener('input', () => {
    stop();
    clearTimeout(settle);
    describe(Number(slider.value));
    settle = setTimeout(() => select(Number(slider.value)), SETTLE_MILLIS);
  });
  play.addEventListener('click', () => {
    if (timer) {
      stop();
      return;
    }
    if (Number(slider.value) >= entries.length - 1) slider.value = '0';
    play.textContent = t.pause;
    play.setAttribute('aria-pressed', 'true');
    select(Number(slider.value));
    timer = setInterval(() => {
      const next = Number(slider.value) + 1;
      if (next >= entries.length) {
        stop();
        return;
      }
      slider.value = String(next);
      select(next);
    }, STEP_MILLIS);
  });

  const ready = loadTimeline().then((loaded) => {
    entries = loaded;
    if (entries.length === 0) {
      where.textContent = t.replayEmpty;
      return;
    }
    slider.max = String(entries.length - 1);
    slider.value = String(entries.length - 1);
    slider.disabled = false;
    play.disabled = false;
    describe(entries.length - 1);
    announce(t.asOf(t.exactTime(new Date(entries[entries.length - 1].at))));
  });
  return { panel, ready, stop, focus: () => slider.focus() };
}
