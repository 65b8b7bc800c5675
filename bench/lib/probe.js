// The in-page probe of the benchmark, added to every page before any of its own scripts run
// (Playwright's addInitScript). It only listens and times, and it focuses the text field the
// first character is typed into (as a person clicks into it once they see it): it never changes
// what either app does.
// bench/README.md defines every figure; in short, all times are performance.now() values of this
// document, i.e. milliseconds since navigation start (performance.timeOrigin).
//
// Exposes window.__bench with:
// - inputReady: resolves, with the field's DOM id, in the first animation frame in which the text
//   field `cfg.typing` is in the document and laid out (checked once per frame, so the check
//   costs nothing while the app renders). The field is focused in that same frame. (The harness
//   used to focus it with Playwright's page.focus: one more round trip, and Playwright's first
//   selector in a cold page makes it inject and compile its own script there; together about
//   90 ms for Bogen and 50 for SurveyJS between the field and the key, which neither app spent.)
// - lastKey: for the last keydown, resolves after the frame that follows its `input` event, with
//   t0 (the keydown's own timestamp), tHandled (a microtask queued from a bubbling `input`
//   listener on window: the apps' own input handlers and the microtasks they queued have run),
//   frameTs (the frame's begin time, as rAF reports it), tRaf (when the rAF callback ran),
//   tFrame (a message posted from that rAF callback arrives: the frame's style, layout and paint
//   are done).
// - armClick(name, present): the next click is timed until the field `name` is (present=true)
//   or is no longer (false) in the document, seen by a MutationObserver, then until the frame
//   after that; lastClick resolves with t0 (the click's timestamp), tShown, frameTs, tRaf, tFrame.
// - with cfg.hookAutosave: every setTimeout(…, 400) callback (Bogen's autosave timer, gloo's
//   Timeout of AUTOSAVE_DELAY_MS) and every localStorage.setItem is timed into `saves`/`setItems`.
// - wasmMemory(): the byte length of Bogen's WebAssembly memory (from Trunk's
//   TrunkApplicationStarted event, whose detail holds the module's exports), 0 for SurveyJS.
(cfg) => {
  const B = (window.__bench = { cfg, keys: [], clicks: [], saves: [], setItems: [], errors: [] });
  const locate = (name) => {
    if (cfg.system === 'bogen') return document.getElementById('q-' + name);
    const survey = window.survey;
    const q = survey && typeof survey.getQuestionByName === 'function' ? survey.getQuestionByName(name) : null;
    return q ? document.getElementById(q.inputId) : null;
  };
  B.locate = locate;
  const afterFrame = (cb) =>
    requestAnimationFrame((frameTs) => {
      const tRaf = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => cb({ frameTs, tRaf, tFrame: performance.now() });
      channel.port2.postMessage(0);
    });

  B.inputReady = new Promise((resolve) => {
    const poll = () => {
      let el = null;
      try {
        el = locate(cfg.typing);
      } catch (e) {
        B.errors.push(String(e));
      }
      if (el && el.isConnected && el.getClientRects().length > 0) {
        B.tInputFound = performance.now();
        // For bench/profile.mjs: a mark carries the main thread's CPU clock into a trace.
        performance.mark('bench-input-found');
        el.focus();
        resolve(el.id);
      } else {
        requestAnimationFrame(poll);
      }
    };
    requestAnimationFrame(poll);
  });

  let key = null;
  addEventListener(
    'keydown',
    (e) => {
      const k = { key: e.key, t0: e.timeStamp, tDown: performance.now() };
      k.done = new Promise((resolve) => (k.resolve = resolve));
      key = k;
      B.lastKey = k.done;
    },
    true,
  );
  addEventListener('input', () => {
    const k = key;
    if (!k || k.tInput !== undefined) return;
    k.tInput = performance.now();
    queueMicrotask(() => (k.tHandled = performance.now()));
    afterFrame((f) => {
      const out = { key: k.key, t0: k.t0, tDown: k.tDown, tInput: k.tInput, tHandled: k.tHandled, ...f };
      B.keys.push(out);
      k.resolve(out);
    });
  });

  B.armClick = (name, present) => {
    const c = {};
    c.done = new Promise((resolve) => (c.resolve = resolve));
    B.lastClick = c.done;
    const check = () => {
      if (c.t0 === undefined || c.tShown !== undefined) return;
      const el = locate(name);
      if (present ? el && el.isConnected : !el || !el.isConnected) {
        c.tShown = performance.now();
        observer.disconnect();
        afterFrame((f) => {
          const out = { t0: c.t0, tClick: c.tClick, tShown: c.tShown, present, ...f };
          if (present) B.clicks.push(out);
          c.resolve(out);
        });
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true });
    const onClick = (e) => {
      removeEventListener('click', onClick, true);
      c.t0 = e.timeStamp;
      c.tClick = performance.now();
      // The app may change the DOM only after this event's handlers: checked then by the observer.
      queueMicrotask(check);
    };
    addEventListener('click', onClick, true);
  };

  // The centre of the label of option `value` of the single choice `name`, scrolled into view.
  B.optionPoint = async (name, value) => {
    let input = null;
    if (cfg.system === 'bogen') {
      input = document.querySelector(`input[type=radio][name="q-${name}"][value="${value}"]`);
    } else {
      const q = window.survey.getQuestionByName(name);
      input = document.querySelector(`input[type=radio][id^="${q.id}i_"][value="${value}"]`);
    }
    if (!input) throw new Error(`no radio button ${name}=${value}`);
    const target = (input.labels && input.labels[0]) || input.closest('label') || input;
    target.scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const rect = target.getBoundingClientRect();
    return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
  };

  // An experiment's extra CSS (bench/run.mjs --experiment-css): appended to <head> once it exists.
  if (cfg.css) {
    const add = () => {
      const style = document.createElement('style');
      style.textContent = cfg.css;
      document.head.appendChild(style);
    };
    if (document.head) add();
    else document.addEventListener('DOMContentLoaded', add, { once: true });
  }

  addEventListener('TrunkApplicationStarted', (e) => (B.wasm = e.detail && e.detail.wasm));
  B.wasmMemory = () => (B.wasm && B.wasm.memory ? B.wasm.memory.buffer.byteLength : 0);

  if (cfg.draftKey && localStorage.getItem(cfg.draftKey) === null) {
    localStorage.setItem(cfg.draftKey, cfg.draftText);
  }
  if (cfg.hookAutosave) {
    const setTimeout0 = window.setTimeout;
    window.setTimeout = function (fn, delay, ...rest) {
      if (delay === 400 && typeof fn === 'function') {
        const timed = function (...args) {
          const start = performance.now();
          try {
            return fn.apply(this, args);
          } finally {
            B.saves.push({ start, ms: performance.now() - start });
          }
        };
        return setTimeout0.call(this, timed, delay, ...rest);
      }
      return setTimeout0.call(this, fn, delay, ...rest);
    };
    const setItem0 = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      const start = performance.now();
      try {
        return setItem0.call(this, k, v);
      } finally {
        B.setItems.push({ key: String(k), bytes: String(v).length, start, ms: performance.now() - start });
      }
    };
  }
};
