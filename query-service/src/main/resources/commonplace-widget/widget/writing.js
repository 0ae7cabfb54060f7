// Writing through the widget, mixed into the widget: the new-comment form, the actions on a comment (reply, edit,
// retract) and reading a write back at its position. Methods use the widget's state through `this`.

import { h } from './dom.js';
import { composer, showProblem } from './composer.js';

export const writing = {
  renderComposer() {
    if (!this.canWrite()) {
      this.newSlot.replaceChildren();
      return;
    }
    const form = composer(this.t, {
      label: this.t.yourComment,
      submitText: this.t.post,
      submit: (text, key) => this.api.post(this.token, this.topicId, text, key),
      done: (result) => {
        form.textarea.value = '';
        this.readBack(result, true);
      },
    });
    this.newSlot.replaceChildren(form.form);
  },

  actionsFor(c) {
    if (c.retracted || !this.canWrite()) return [];
    const t = this.t;
    const buttons = [h('button', { type: 'button', text: t.reply, onclick: () => this.openReply(c) })];
    if (c.author.id === this.me.id) {
      buttons.push(h('button', { type: 'button', text: t.edit, onclick: () => this.openEdit(c.commentId) }));
    }
    if (c.author.id === this.me.id || this.me.moderator) {
      buttons.push(h('button', { type: 'button', text: t.retract, onclick: () => this.openRetract(c.commentId) }));
    }
    return buttons;
  },

  openReply(c) {
    const slot = this.view.slot(c.commentId);
    const close = () => {
      slot.replaceChildren();
      this.view.focus(c.commentId);
    };
    const form = composer(this.t, {
      label: this.t.yourReply(c.author.name),
      submitText: this.t.reply,
      submit: (text, key) => this.api.reply(this.token, c.commentId, text, key),
      done: (result) => {
        slot.replaceChildren();
        this.readBack(result, true);
      },
      cancel: close,
    });
    slot.replaceChildren(form.form);
    form.focus();
  },

  openEdit(commentId) {
    const current = this.model.get(commentId);
    const slot = this.view.slot(commentId);
    let revision = current.revision;
    const close = () => {
      slot.replaceChildren();
      this.view.focus(commentId);
    };
    const form = composer(this.t, {
      label: this.t.editYour,
      submitText: this.t.save,
      initial: current.body,
      submit: (text) => this.api.edit(this.token, commentId, text, revision),
      done: (result) => {
        slot.replaceChildren();
        this.readBack(result, false);
      },
      cancel: close,
      describe: (problem) => {
        if (problem.status !== 412) return null;
        const reloadButton = h('button', { type: 'button', text: this.t.reloadComment, onclick: async () => {
          const fresh = await this.api.comment(commentId);
          revision = fresh.revision;
          this.applyComment(fresh, false);
          form.error.replaceChildren(h('p', { text: this.t.reloaded }));
          form.focus();
        } });
        return [h('p', { text: this.t.stale(problem.currentRevision ?? '?') }), reloadButton];
      },
    });
    slot.replaceChildren(form.form);
    form.focus();
  },

  openRetract(commentId) {
    const slot = this.view.slot(commentId);
    const error = h('div', { class: 'error', role: 'alert' });
    const cancel = h('button', { type: 'button', text: this.t.cancel, onclick: () => {
      slot.replaceChildren();
      this.view.focus(commentId);
    } });
    const confirm = h('button', { type: 'button', class: 'danger', text: this.t.confirmRetract, onclick: async () => {
      confirm.disabled = true;
      try {
        await this.api.retract(this.token, commentId);
        slot.replaceChildren();
        const known = this.model.get(commentId);
        // the answer carries no position; the stream confirms it shortly
        if (this.applyComment({ ...known, body: null, retracted: true, links: [] }, true) === 'changed') {
          this.count = Math.max(0, this.count - 1);
        }
        this.afterChange();
        this.view.focus(commentId);
      } catch (problem) {
        confirm.disabled = false;
        showProblem(this.t, error, problem);
      }
    } });
    const box = h('div', { class: 'confirm', role: 'group', 'aria-label': this.t.retract },
      h('p', { text: this.t.retractQuestion }), error, h('div', { class: 'buttons' }, confirm, cancel));
    slot.replaceChildren(box);
    confirm.focus();
  },

  /** Read-your-writes: the comment as the query service has it once it applied the write's position. */
  async readBack(result, created) {
    try {
      const comment = await this.api.comment(result.commentId, result.position);
      const outcome = this.applyComment(comment, false);
      if (outcome === 'unknown-parent' && created) {
        // a new root while more pages remain: show it at the end of what is loaded
        this.model.upsert(comment, { rootsComplete: true });
        this.view.insert(this.model, comment.commentId);
        this.count++;
      }
      this.afterChange();
      this.view.focus(comment.commentId);
    } catch (problem) {
      showProblem(this.t, this.status, problem);
    }
  },
};
