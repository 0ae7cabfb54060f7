// The comment tree as nested lists. Replies nest up to MAX_DEPTH levels; deeper ones are listed under their deepest
// shown ancestor with a "reply to X" line, so a long chain never squeezes the text into a sliver.

import { h, paragraphs, safeHref, timeElement } from './dom.js';

export const MAX_DEPTH = 5;

/** The comments of the loaded pages: each once by id, with its replies' ids in order and its depth. */
export class ThreadModel {
  constructor() {
    this.comments = new Map();
    this.rootIds = [];
  }

  /** Takes a page of nested roots (the thread's shape); returns the ids of the roots it added. */
  addRoots(items) {
    const added = [];
    for (const root of items) {
      if (!this.comments.has(root.commentId)) {
        this.rootIds.push(root.commentId);
        added.push(root.commentId);
      }
      this.ingest(root, 0);
    }
    return added;
  }

  ingest(nested, depth) {
    const pending = [[nested, depth]];
    while (pending.length > 0) {
      const [comment, level] = pending.pop();
      const { replies = [], ...data } = comment;
      const known = this.comments.get(data.commentId);
      this.comments.set(data.commentId, {
        data: known && known.data.revision > data.revision ? known.data : data,
        childIds: replies.length > 0 ? replies.map((reply) => reply.commentId) : known ? known.childIds : [],
        depth: level,
      });
      for (let index = replies.length - 1; index >= 0; index--) pending.push([replies[index], level + 1]);
    }
  }

  /**
   * One comment as the stream or a read answers it (no nested replies). Returns 'new' (a reply to a known comment,
   * or a root), 'changed', 'same' (nothing newer), or 'unknown-parent' (its parent is not loaded).
   */
  upsert(data, { rootsComplete }) {
    const known = this.comments.get(data.commentId);
    if (known) {
      const newer = data.revision > known.data.revision || (data.retracted && !known.data.retracted)
        || data.replyCount !== known.data.replyCount || (data.links || []).length !== (known.data.links || []).length;
      if (!newer) return 'same';
      known.data = { ...known.data, ...data };
      return 'changed';
    }
    if (data.parentId == null) {
      if (!rootsComplete) return 'unknown-parent';
      this.comments.set(data.commentId, { data, childIds: [], depth: 0 });
      this.rootIds.push(data.commentId);
      return 'new';
    }
    const parent = this.comments.get(data.parentId);
    if (!parent) return 'unknown-parent';
    this.comments.set(data.commentId, { data, childIds: [], depth: parent.depth + 1 });
    parent.childIds.push(data.commentId);
    return 'new';
  }

  get(id) {
    const entry = this.comments.get(id);
    return entry ? entry.data : null;
  }

  count() {
    let shown = 0;
    this.comments.forEach((entry) => { if (!entry.data.retracted) shown++; });
    return shown;
  }
}

/** Renders a model into an <ol>; keeps each comment's <li> so single comments can be updated or added in place. */
export class ThreadView {
  constructor(list, context) {
    this.list = list;
    this.context = context;
    this.items = new Map();
  }

  clear() {
    this.items.clear();
    this.list.replaceChildren();
  }

  renderRoots(model, rootIds) {
    const fragment = document.createDocumentFragment();
    for (const id of rootIds) this.renderSubtree(model, id, fragment);
    this.list.append(fragment);
  }

  renderSubtree(model, rootId, into) {
    const pending = [[rootId, into]];
    while (pending.length > 0) {
      const [id, list] = pending.pop();
      const entry = model.comments.get(id);
      if (!entry) continue;
      const item = this.item(model, entry);
      list.append(item);
      const childList = entry.depth < MAX_DEPTH ? this.replyList(item) : list;
      // depth first, in order: the first reply is taken next
      for (let index = entry.childIds.length - 1; index >= 0; index--) pending.push([entry.childIds[index], childList]);
    }
  }

  /** A comment the model just took ('new'): placed after its parent's last shown descendant. */
  insert(model, id) {
    const entry = model.comments.get(id);
    if (entry.data.parentId == null) {
      this.renderSubtree(model, id, this.list);
      return;
    }
    const parentItem = this.items.get(entry.data.parentId);
    if (!parentItem) return;
    const parent = model.comments.get(entry.data.parentId);
    if (parent.depth < MAX_DEPTH) {
      this.renderSubtree(model, id, this.replyList(parentItem));
      return;
    }
    let after = parentItem;
    while (after.nextElementSibling && this.descends(model, after.nextElementSibling.dataset.id, entry.data.parentId)) {
      after = after.nextElementSibling;
    }
    const holder = document.createDocumentFragment();
    this.renderSubtree(model, id, holder);
    after.after(holder);
  }

  /** A comment changed (edited, retracted, new links): its own content is redrawn, its replies stay. */
  update(model, id) {
    const item = this.items.get(id);
    const entry = model.comments.get(id);
    if (!item || !entry) return;
    item.querySelector(':scope > article').replaceWith(this.article(model, entry));
  }

  focus(id) {
    const item = this.items.get(id);
    if (item) {
      const article = item.querySelector(':scope > article');
      article.focus();
      article.scrollIntoView({ block: 'nearest' });
    }
  }

  slot(id) {
    const item = this.items.get(id);
    return item ? item.querySelector(':scope > .slot') : null;
  }

  descends(model, id, ancestorId) {
    for (let current = model.comments.get(id); current && current.data.parentId; ) {
      if (current.data.parentId === ancestorId) return true;
      current = model.comments.get(current.data.parentId);
    }
    return false;
  }

  replyList(item) {
    let list = item.querySelector(':scope > ol.replies');
    if (!list) {
      list = h('ol', { class: 'replies' });
      item.append(list);
    }
    return list;
  }

  item(model, entry) {
    const id = entry.data.commentId;
    const item = h('li', { class: 'item', 'data-id': id, 'data-depth': Math.min(entry.depth, MAX_DEPTH) },
      this.article(model, entry), h('div', { class: 'slot' }));
    this.items.set(id, item);
    return item;
  }

  article(model, entry) {
    const { t } = this.context;
    const c = entry.data;
    const authorId = `author-${c.commentId}`;
    const article = h('article', { class: c.retracted ? 'comment retracted' : 'comment', 'aria-labelledby': authorId,
      tabindex: '-1', id: `comment-${c.commentId}` });
    const header = h('header', {},
      h('span', { class: 'author', id: authorId, text: c.author.name }), ' ', timeElement(c.createdAt, t));
    if (c.editedAt && !c.retracted) {
      const history = h('div', { class: 'history', id: `history-${c.commentId}`, hidden: true });
      const button = h('button', { type: 'button', class: 'edited', 'aria-expanded': 'false',
        'aria-controls': history.id, title: t.exactTime(new Date(c.editedAt)), text: t.edited,
        onclick: () => this.context.actions.history(c, button, history) });
      header.append(' · ', button);
      article.append(header, ...this.content(model, entry), history);
    } else {
      article.append(header, ...this.content(model, entry));
    }
    const actions = this.context.actionsFor(c);
    if (actions.length > 0) article.append(h('footer', { class: 'actions' }, actions));
    return article;
  }

  content(model, entry) {
    const { t } = this.context;
    const c = entry.data;
    const parts = [];
    if (entry.depth > MAX_DEPTH) {
      const parent = model.get(c.parentId);
      const name = parent ? parent.author.name : '';
      parts.push(h('p', { class: 'context' }, '↪ ', h('button', { type: 'button', class: 'link',
        'aria-label': t.showParent(name), text: t.replyTo(name), onclick: () => this.focus(c.parentId) })));
    }
    if (c.retracted || c.body == null) {
      parts.push(h('p', { class: 'placeholder', text: c.retracted ? t.retracted : t.withheld }));
      return parts;
    }
    parts.push(h('div', { class: 'body' }, paragraphs(c.body)));
    const links = (c.links || []).map((link) => ({ href: safeHref(link.url), domain: link.domain }))
      .filter((link) => link.href);
    if (links.length > 0) {
      parts.push(h('ul', { class: 'links' }, links.map((link) => h('li', {}, h('a', { class: 'chip', href: link.href,
        rel: 'nofollow ugc noopener noreferrer', target: '_blank', title: link.href, text: link.domain })))));
    }
    return parts;
  }
}
