/*
 * commonplace embed: renders a topic's discussion into any page.
 *
 *   <div data-commonplace-topic="episode-90" data-commonplace-token="(optional JWT)"></div>
 *   <script src="https://comments.example.no/embed.js" async></script>
 *
 * The script loads the widget's modules from its own origin. The embedding site signs its visitor in with
 * commonplace.signIn(jwt) (or the data-commonplace-token attribute) and out with commonplace.signOut();
 * without a token the thread is read-only. commonplace.mount(element) renders a container added later.
 */
(() => {
  'use strict';
  const script = document.currentScript || document.querySelector('script[src$="/embed.js"]');
  const base = new URL('.', script ? script.src : location.href).href;
  const existing = window.commonplace;
  if (existing && existing.base) {
    existing.mountAll();
    return;
  }
  const pending = [];
  let widget = null;
  const call = (name, args) => (widget ? widget[name](...args) : pending.push([name, args]));
  const api = {
    base,
    signIn: (token) => call('signIn', [token]),
    signOut: () => call('signOut', []),
    mount: (element) => call('mount', [element]),
    mountAll: () => document.querySelectorAll('[data-commonplace-topic]').forEach((element) => api.mount(element)),
    ready: null,
  };
  window.commonplace = api;
  api.ready = import(new URL('widget/widget.js', base).href)
    .then((module) => module.start(base))
    .then((started) => {
      widget = started;
      pending.splice(0).forEach(([name, args]) => widget[name](...args));
      return widget;
    });
  api.ready.catch((error) => console.error('commonplace: the widget could not load', error));
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', api.mountAll, { once: true });
  } else {
    api.mountAll();
  }
})();
