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
  // the first reads start now, while the modules load: the widget takes them by address (once each)
  const prefetched = new Map();
  const prefetch = (url) => prefetched.set(url, fetch(url, { credentials: 'omit' }));
  const MODULES = ['widget', 'i18n', 'api', 'dom', 'thread-view', 'composer', 'writing', 'live', 'replay'];
  const call = (name, args) => (widget ? widget[name](...args) : pending.push([name, args]));
  const api = {
    base,
    signIn: (token) => call('signIn', [token]),
    signOut: () => call('signOut', []),
    mount: (element) => call('mount', [element]),
    mountAll: () => document.querySelectorAll('[data-commonplace-topic]').forEach((element) => api.mount(element)),
    take: (url) => {
      const response = prefetched.get(url);
      prefetched.delete(url);
      return response;
    },
    ready: null,
  };
  // every module at once, instead of one import after the other
  for (const name of MODULES) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(`widget/${name}.js`, base).href;
    document.head.append(link);
  }
  prefetch(new URL('widget/config.json', base).href);
  document.querySelectorAll('[data-commonplace-topic]').forEach((element) => {
    const topic = `api/v1/topics/${encodeURIComponent(element.dataset.commonplaceTopic)}`;
    const limit = Math.min(500, Math.max(1, Number(element.dataset.commonplacePageSize) || 50));
    prefetch(new URL(topic, base).href);
    prefetch(new URL(`${topic}/thread?sort=oldest&limit=${limit}`, base).href);
  });
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
