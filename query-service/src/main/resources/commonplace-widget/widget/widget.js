// The widget: one per element with data-commonplace-topic, in a shadow root of its own so that the host page's styles
// and the widget's never meet. Reads come from the query service it was loaded from, writes go to the command
// service named in config.json, signed with the visitor's token.

import { texts } from './i18n.js';
import { client, claimsOf } from './api.js';
import { h, refreshTimes } from './dom.js';
import { ThreadModel, ThreadView } from './thread-view.js';
import { showProblem } from './composer.js';
import { writing } from './writing.js';
import { connect } from './live.js';
import { replayPanel } from './replay.js';

const DEFAULT_PAGE = 50;
const MAX_TIMELINE = 5000;

export function start(base) {
  const take = (url) => (window.commonplace && window.commonplace.take ? window.commonplace.take(url) : undefined);
  const configUrl = new URL('widget/config.json', base).href;
  // only writes need it: reads start at once
  const commandBase = (take(configUrl) || fetch(configUrl, { credentials: 'omit' }))
    .then((response) => response.json())
    .then((config) => String(config.commandUrl || '').replace(/\/+$/, ''))
    .catch(() => 'http://commonplace-command-service-unavailable.invalid');
  const api = client(base, commandBase, take);
  const widgets = new Map();
  let pageToken = null;
  return {
    mount(element) {
      if (!(element instanceof Element) || widgets.has(element) || !element.dataset.commonplaceTopic) return;
      widgets.set(element, new Widget(element, api, base, pageToken));
    },
    signIn(token) {
      pageToken = typeof token === 'string' && token.length > 0 ? token : null;
      widgets.forEach((widget) => widget.setToken(pageToken));
    },
    signOut() {
      pageToken = null;
      widgets.forEach((widget) => widget.setToken(null));
    },
  };
}

class Widget {
  constructor(host, api, base, pageToken) {
    this.api = api;
    this.topicId = host.dataset.commonplaceTopic;
    this.pageSize = Math.min(500, Math.max(1, Number(host.dataset.commonplacePageSize) || DEFAULT_PAGE));
    this.t = texts();
    this.model = new ThreadModel();
    this.nextCursor = null;
    this.loaded = false;
    this.buffered = [];
    this.locked = false;
    this.count = 0;
    this.replay = null;
    this.caughtUp = false;
    this.setClaims(host.dataset.commonplaceToken || pageToken);
    this.build(host.shadowRoot || host.attachShadow({ mode: 'open' }), base);
    this.view = new ThreadView(this.list, this.context(false));
    this.load();
    this.stream = connect(api.streamUrl(this.topicId), {
      onEvent: (type, item) => (this.loaded ? this.apply(type, item) : this.buffered.push([type, item])),
      onReady: (ready) => this.catchUp(ready.position),
      onReload: () => this.reload(),
      onState: (state) => { this.liveState.textContent = state === 'live' ? this.t.live : this.t.reconnecting; },
    });
    setInterval(() => refreshTimes(this.root, this.t), 60000);
  }

  setClaims(token) {
    this.token = token || null;
    this.me = this.token ? claimsOf(this.token) : null;
    if (this.me === null) this.token = null;
  }

  build(root, base) {
    const t = this.t;
    this.root = root;
    this.heading = h('h2', { id: 'cp-heading', text: t.discussion });
    this.liveState = h('span', { class: 'live-state' });
    this.replayButton = h('button', { type: 'button', class: 'replay-toggle', 'aria-pressed': 'false', text: t.replay,
      title: t.replayTitle, onclick: () => (this.replay ? this.leaveReplay() : this.enterReplay()) });
    this.replaySlot = h('div', { class: 'replay-slot' });
    this.notice = h('p', { class: 'notice' });
    this.newSlot = h('div', { class: 'new-comment' });
    this.status = h('div', { class: 'status', role: 'status' });
    this.list = h('ol', { class: 'thread', 'aria-labelledby': 'cp-heading' });
    this.more = h('button', { type: 'button', class: 'more', hidden: true, text: t.loadMore,
      onclick: () => this.loadMore() });
    this.announcer = h('div', { class: 'visually-hidden', 'aria-live': 'polite' });
    root.replaceChildren(h('link', { rel: 'stylesheet', href: new URL('widget/widget.css', base).href }),
      h('section', { class: 'cp', lang: t.lang, 'aria-labelledby': 'cp-heading' },
        h('header', { class: 'bar' }, this.heading, this.liveState, this.replayButton),
        this.replaySlot, this.notice, this.newSlot, this.status, this.list, this.more, this.announcer));
    this.renderComposer();
  }

  context(replaying) {
    return {
      t: this.t,
      actions: { history: (c, button, panel) => this.toggleHistory(c, button, panel) },
      actionsFor: (c) => (replaying ? [] : this.actionsFor(c)),
    };
  }

  async load() {
    this.status.textContent = this.t.loading;
    try {
      const [topic, page] = await Promise.all([this.api.topic(this.topicId),
        this.api.thread(this.topicId, { limit: this.pageSize })]);
      this.locked = topic.locked;
      this.count = topic.commentCount;
      this.model.addRoots(page.items);
      this.nextCursor = page.nextCursor;
      this.view.renderRoots(this.model, this.model.rootIds);
      // for pages and benchmarks that time the first render (performance.getEntriesByName)
      if (!this.rendered) performance.mark('commonplace:rendered', { detail: { topicId: this.topicId } });
      this.rendered = true;
      this.loaded = true;
      this.status.replaceChildren();
      this.afterChange();
      this.buffered.splice(0).forEach(([type, item]) => this.apply(type, item));
      if (this.readyPosition) this.catchUp(this.readyPosition);
    } catch (problem) {
      this.status.replaceChildren(h('p', { text: this.t.loadFailed }),
        h('button', { type: 'button', text: this.t.retry, onclick: () => this.load() }));
    }
  }

  /** Loads everything again (the stream said it cannot catch up). */
  reload() {
    this.model = new ThreadModel();
    this.view.clear();
    this.loaded = false;
    this.caughtUp = false;
    this.load();
  }

  /**
   * The stream stands at {@code position}; the first page, read with that position, is sure to hold everything before
   * it (the stream brings what follows). Usually the browser revalidates the page and it has not changed.
   */
  async catchUp(position) {
    this.readyPosition = position;
    if (!this.loaded || this.caughtUp) return;
    this.caughtUp = true;
    try {
      const page = await this.api.thread(this.topicId, { limit: this.pageSize, consistentWith: position });
      const flat = [];
      const pending = [...page.items];
      while (pending.length > 0) {
        const { replies = [], ...comment } = pending.shift();
        flat.push(comment);
        pending.push(...replies);
      }
      flat.forEach((comment) => this.applyComment(comment, false));
    } catch (ignored) {
      // the stream goes on; a reload shows anything missed
    }
  }

  async loadMore() {
    if (!this.nextCursor) return;
    this.more.disabled = true;
    try {
      const page = await this.api.thread(this.topicId, { limit: this.pageSize, cursor: this.nextCursor });
      const added = this.model.addRoots(page.items);
      this.nextCursor = page.nextCursor;
      this.view.renderRoots(this.model, added);
      this.afterChange();
      if (added.length > 0) this.view.focus(added[0]);
    } catch (problem) {
      showProblem(this.t, this.status, problem);
    } finally {
      this.more.disabled = false;
    }
  }

  apply(type, item) {
    if (type === 'TopicLocked' || type === 'TopicUnlocked') {
      this.locked = type === 'TopicLocked';
      this.rerender();
      return;
    }
    if (!item.comment) return;
    const outcome = this.applyComment(item.comment, true);
    if (outcome === 'new' && !item.comment.retracted) {
      this.count++;
      if (!this.me || item.comment.author.id !== this.me.id) this.announce(this.t.newComment(item.comment.author.name));
    } else if (type === 'CommentRetracted' && outcome === 'changed') {
      this.count = Math.max(0, this.count - 1);
    } else if (type === 'CommentEdited' && outcome === 'changed' && (!this.me || item.author.id !== this.me.id)) {
      this.announce(this.t.commentEdited(item.author.name));
    }
    this.afterChange();
  }

  /** Takes one comment into the model and shows it (unless a replay is shown); returns the model's outcome. */
  applyComment(comment, fromStream) {
    const outcome = this.model.upsert(comment, { rootsComplete: !this.nextCursor });
    if (!this.replay) {
      if (outcome === 'new') this.view.insert(this.model, comment.commentId);
      if (outcome === 'changed') this.view.update(this.model, comment.commentId);
    }
    if (!fromStream && outcome === 'new' && !comment.retracted) this.count++;
    return outcome;
  }

  afterChange() {
    this.heading.textContent = `${this.t.discussion} · ${this.t.comments(this.count)}`;
    this.more.hidden = !this.nextCursor || this.replay !== null;
    this.status.textContent = this.model.rootIds.length === 0 && this.loaded ? this.t.empty : '';
    this.renderNotice();
  }

  renderNotice() {
    const t = this.t;
    if (this.locked) this.notice.textContent = t.locked;
    else if (this.me) this.notice.textContent = t.signedInAs(this.me.name);
    else this.notice.textContent = t.readOnly;
  }

  announce(text) {
    this.announcer.replaceChildren(h('p', { text }));
  }

  setToken(token) {
    if (this.root.host.dataset.commonplaceToken && token === null) delete this.root.host.dataset.commonplaceToken;
    this.setClaims(token);
    this.rerender();
  }

  rerender() {
    this.renderComposer();
    if (!this.replay) {
      this.view.clear();
      this.view.renderRoots(this.model, this.model.rootIds);
    }
    this.afterChange();
  }

  canWrite() {
    return this.me !== null && !this.locked && this.replay === null;
  }

  async toggleHistory(c, button, panel) {
    if (button.getAttribute('aria-expanded') === 'true') {
      button.setAttribute('aria-expanded', 'false');
      panel.hidden = true;
      return;
    }
    try {
      const detail = await this.api.comment(c.commentId);
      const t = this.t;
      panel.replaceChildren(h('h3', { text: t.history }), h('ol', {}, detail.revisions.map((revision) =>
        h('li', {}, h('div', { class: 'revision-head' }, h('span', { text: t.revision(revision.revision) }), ' ',
          h('time', { datetime: revision.at, text: t.exactTime(new Date(revision.at)) })),
        revision.body == null ? h('p', { class: 'placeholder', text: t.withheld })
          : h('div', { class: 'body' }, revision.body.split(/\n[ \t]*\n+/).map((part) => h('p', { text: part.trim() })))))));
      panel.hidden = false;
      button.setAttribute('aria-expanded', 'true');
    } catch (problem) {
      panel.hidden = false;
      showProblem(this.t, panel, problem);
    }
  }

  async enterReplay() {
    this.replayButton.setAttribute('aria-pressed', 'true');
    const replayView = new ThreadView(this.list, this.context(true));
    const panel = replayPanel(this.t, {
      loadTimeline: () => this.timeline(),
      showAt: async (asOf, entry, stillWanted) => {
        try {
          const page = await this.api.thread(this.topicId, { asOf, limit: 500 });
          if (!stillWanted()) return;
          const then = new ThreadModel();
          then.addRoots(page.items);
          // what is retracted now was withdrawn by its author: never shown again, not even in the past
          then.comments.forEach((entryThen, id) => {
            const now = this.model.get(id);
            if (now && now.retracted) entryThen.data = { ...entryThen.data, body: null, retracted: true, links: [] };
          });
          replayView.clear();
          replayView.renderRoots(then, then.rootIds);
          this.announce(this.t.asOf(this.t.exactTime(new Date(entry.at))));
        } catch (problem) {
          showProblem(this.t, this.status, problem);
        }
      },
      exit: () => this.leaveReplay(),
      announce: (text) => this.announce(text),
    });
    this.replay = panel;
    this.replaySlot.replaceChildren(panel.panel);
    this.renderComposer();
    this.view.clear();
    this.view.renderRoots(this.model, this.model.rootIds);
    this.afterChange();
    await panel.ready;
    panel.focus();
  }

  leaveReplay() {
    if (!this.replay) return;
    this.replay.stop();
    this.replay = null;
    this.replaySlot.replaceChildren();
    this.replayButton.setAttribute('aria-pressed', 'false');
    this.rerender();
    this.replayButton.focus();
  }

  async timeline() {
    const entries = [];
    let after = null;
    do {
      const page = await this.api.timeline(this.topicId, after);
      entries.push(...page.items);
      after = page.nextCursor;
    } while (after && entries.length < MAX_TIMELINE);
    return entries;
  }
}

Object.assign(Widget.prototype, writing);
