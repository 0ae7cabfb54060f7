// The forms: a new comment, a reply, an edit. Each is a real <form> with a label, shows the problem+json's title,
// detail and field errors, and sends one Idempotency-Key per text so that a double click or a retry posts once.

import { h } from './dom.js';
import { randomKey } from './api.js';

const MAX_BODY = 20000;
let formCount = 0;

/**
 * A form around a textarea.
 *
 * @param options.label      the textarea's label
 * @param options.submitText the submit button's text
 * @param options.initial    text to start with (an edit)
 * @param options.submit     async (text, idempotencyKey) => result; a thrown Problem is shown in the form
 * @param options.done       called with the result after a successful submit
 * @param options.cancel     when given, a Cancel button (and Escape) calls it
 */
export function composer(t, { label, submitText, initial = '', submit, done, cancel, describe }) {
  const id = `cp-text-${++formCount}`;
  const textarea = h('textarea', { id, name: 'body', rows: initial ? 6 : 3, maxlength: MAX_BODY, required: true,
    'aria-describedby': `${id}-error` });
  textarea.value = initial;
  const error = h('div', { class: 'error', id: `${id}-error`, role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary', text: submitText });
  const extra = h('div', { class: 'extra' });
  const form = h('form', { class: 'composer', novalidate: true },
    h('label', { for: id, text: label }), textarea, error, extra,
    h('div', { class: 'buttons' }, button,
      cancel ? h('button', { type: 'button', text: t.cancel, onclick: () => cancel() }) : null));
  let key = null;
  let keyText = null;
  let busy = false;

  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && cancel) {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const text = textarea.value;
    if (text.trim().length === 0) {
      textarea.focus();
      return;
    }
    if (text !== keyText) {
      key = randomKey();
      keyText = text;
    }
    busy = true;
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    button.textContent = t.posting;
    error.replaceChildren();
    try {
      const result = await submit(text, key);
      key = null;
      keyText = null;
      done(result);
    } catch (problem) {
      showProblem(t, error, problem, describe);
      textarea.focus();
    } finally {
      busy = false;
      button.disabled = false;
      form.removeAttribute('aria-busy');
      button.textContent = submitText;
    }
  });
  return { form, textarea, error, extra, focus: () => textarea.focus() };
}

/** A problem as the user reads it: the title, the detail, each field error; some statuses in the widget's words. */
export function showProblem(t, target, problem, describe) {
  const custom = describe ? describe(problem) : null;
  if (custom) {
    target.replaceChildren(...[].concat(custom));
    return;
  }
  if (!problem || problem.status === undefined) {
    target.replaceChildren(h('p', { text: String(problem) }));
    return;
  }
  if (problem.status === 0) {
    target.replaceChildren(h('p', { text: t.unreachable }));
    return;
  }
  if (problem.status === 401) {
    target.replaceChildren(h('p', { text: t.expired }));
    return;
  }
  const lines = [h('p', {}, h('strong', { text: problem.title || `HTTP ${problem.status}` }),
    problem.detail ? `: ${problem.detail}` : '')];
  if (problem.errors.length > 0) {
    lines.push(h('ul', {}, problem.errors.map((e) => h('li', { text: `${e.field}: ${e.message}` }))));
  }
  target.replaceChildren(...lines);
}
