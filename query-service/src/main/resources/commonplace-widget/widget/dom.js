// Building DOM safely: text always goes in as textContent, attributes through setAttribute; nothing a person wrote
// is ever parsed as HTML.

/** h('p', {class: 'x', onclick: f}, 'text', child, ...): an element; strings become text nodes. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A body as paragraphs (blank lines part them); line breaks and spaces inside are kept by the styles. */
export function paragraphs(body) {
  return body.split(/\n[ \t]*\n+/).map((part) => part.trim()).filter((part) => part.length > 0)
    .map((part) => h('p', { text: part }));
}

/** Only http(s) addresses become links; anything else stays text. */
export function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch (invalid) {
    return null;
  }
}

/** <time datetime title> with a relative text, kept fresh by refreshTimes. */
export function timeElement(iso, t) {
  const date = new Date(iso);
  return h('time', { datetime: iso, title: t.exactTime(date), text: t.relativeTime(date) });
}

export function refreshTimes(root, t) {
  const now = Date.now();
  root.querySelectorAll('time[datetime]').forEach((time) => {
    time.textContent = t.relativeTime(new Date(time.getAttribute('datetime')), now);
  });
}
