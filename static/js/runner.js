// The meeting runner: keeps a screen up to date, ticks the clocks between updates, keeps what
// people type, announces changes, and runs the facilitator's shortcuts and sound.
//
// The server owns the time: each state carries the deadline, the moment the warning begins and
// the server's "now"; the seconds shown are computed from those, never counted in the browser.
// Updates: the screen listens to the meeting's stream where it has one: the projector and
// "Følg møde" get each new state in it, the control view the new version, which it then
// fetches. Otherwise, or while the stream is down, it asks the poll (204 until something
// changed) once a second. When neither answers, a notice says so and the clock runs on from
// the last deadline.
(function () {
  "use strict";

  const POLL_MS = 1000;
  // A request that has not answered by then is given up, so one lost answer never stops the
  // screen from asking again.
  const REQUEST_MS = 5000;
  const STREAM_PATIENCE_MS = 3000;
  const STREAM_RETRY_MS = 15000;
  const SHORTCUTS_KEY = "teamlaering.runner.shortcuts";
  let offsetMs = 0;
  let lastAnnouncement = null;
  let lastCue = "";
  let endedFor = null;
  let polling = null;
  let pollBusy = false;
  let fetchAgain = false;
  let streamOpen = false;
  let currentStream = null;
  let workPending = false;
  // The work region pushed with the latest state, for when the phase it belongs to shows.
  let pushedWork = null;
  let focusWorkMessage = false;

  const runner = () => document.getElementById("runner");
  const stateElement = () => document.getElementById("runner-state");
  const workElement = () => document.getElementById("runner-work");

  function syncOffset() {
    const state = stateElement();
    if (state && state.dataset.serverNow) {
      offsetMs = Date.parse(state.dataset.serverNow) - Date.now();
    }
  }

  function format(seconds) {
    const shown = seconds > 0 ? Math.ceil(seconds - 1e-9) : -Math.floor(-seconds + 1e-9);
    const sign = shown < 0 ? "-" : "";
    const abs = Math.abs(shown);
    return sign + Math.floor(abs / 60) + ":" + String(abs % 60).padStart(2, "0");
  }

  function beep() {
    const AudioContext = window.AudioContext || window.webkitAudioContext;
    if (!AudioContext) return;
    try {
      const audio = new AudioContext();
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = 880;
      gain.gain.value = 0.15;
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start();
      oscillator.stop(audio.currentTime + 0.35);
    } catch (error) {
      // A browser that refuses audio without a gesture simply stays silent.
    }
  }

  function say(text) {
    const live = document.getElementById("runner-live");
    if (live && text) {
      // A change of text is what a screen reader announces; clear first so a repeat is heard.
      live.textContent = "";
      window.setTimeout(() => { live.textContent = text; }, 50);
    }
  }

  // Clocks

  function tick() {
    const state = stateElement();
    if (!state) return;
    const now = Date.now() + offsetMs;
    state.querySelectorAll("[data-deadline]").forEach((clock) => {
      if (!clock.dataset.deadline) return;
      const remaining = (Date.parse(clock.dataset.deadline) - now) / 1000;
      const text = format(remaining);
      if (clock.textContent !== text) clock.textContent = text;
      if (clock.getAttribute("role") !== "timer") return;
      // The server says when the warning begins; the script only counts down to it.
      let cue = "normal";
      if (remaining <= 0) cue = "overrun";
      else if (clock.dataset.warningAt && now >= Date.parse(clock.dataset.warningAt)) cue = "warning";
      state.classList.remove("cue-normal", "cue-warning", "cue-overrun");
      state.classList.add("cue-" + cue);
      const cueKey = clock.dataset.deadline + ":" + cue;
      if (cue !== "normal" && lastCue !== cueKey && lastCue.startsWith(clock.dataset.deadline)) {
        say(cue === "warning" ? state.dataset.warningText : state.dataset.overrunText);
      }
      lastCue = cueKey;
      if (remaining <= 0 && endedFor !== clock.dataset.deadline) {
        endedFor = clock.dataset.deadline;
        if (state.dataset.sound === "on" && remaining > -2) beep();
      }
    });
  }

  function announce() {
    const state = stateElement();
    if (!state) return;
    const text = state.dataset.announce || "";
    // The page as loaded is not announced; every change after it is, the first phase too.
    if (lastAnnouncement !== null && text && text !== lastAnnouncement) say(text);
    lastAnnouncement = text;
  }

  // Connection

  function setConnected(connected) {
    const notice = document.getElementById("connection-lost");
    if (!notice) return;
    if (connected && !notice.hidden) notice.hidden = true;
    if (!connected && notice.hidden) notice.hidden = false;
  }

  function currentVersion() {
    const state = stateElement();
    return state ? state.dataset.version : "";
  }

  function swapState(html) {
    const state = stateElement();
    if (!state) return;
    const focused = document.activeElement;
    const hadFocus = focused && state.contains(focused);
    window.htmx.swap(state, html, { swapStyle: "outerHTML" });
    afterStateSwap(hadFocus);
  }

  function afterStateSwap(hadFocus) {
    syncOffset();
    announce();
    tick();
    // htmx puts focus back on an element with the same id; when the control pressed is gone
    // (Start became Pause), the new phase's heading takes it.
    if (hadFocus && (document.activeElement === document.body || !document.activeElement)) {
      const heading = document.querySelector("#runner-state .phase-name");
      if (heading) heading.focus();
    }
    refreshWorkIfPhaseChanged();
  }

  function get(url) {
    return fetch(url, {
      headers: { "HX-Request": "true" },
      credentials: "same-origin",
      cache: "no-store",
      signal: AbortSignal.timeout(REQUEST_MS),
    });
  }

  // The phase a pushed work region belongs to, read from its #runner-work.
  function stepOf(html) {
    const match = /id="runner-work"[^>]*data-step="([^"]*)"/.exec(html);
    return match ? match[1] : null;
  }

  // The version of a fetched state, read from its #runner-state.
  function versionOf(html) {
    const match = /id="runner-state"[^>]*data-version="(\d+)"/.exec(html);
    return match ? Number(match[1]) : null;
  }

  // queue: a change heard while a fetch is under way is fetched once that one has answered
  // (the answer may predate the change).
  async function fetchState(queue) {
    const root = runner();
    if (!root) return;
    if (pollBusy) {
      if (queue === true) fetchAgain = true;
      return;
    }
    pollBusy = true;
    const url = root.dataset.pollUrl + "?v=" + encodeURIComponent(currentVersion()) +
      "&mode=" + encodeURIComponent(root.dataset.mode);
    try {
      const response = await get(url);
      if (response.status === 401 || response.status === 403) {
        window.location.reload();
        return;
      }
      if (response.status === 200) {
        const html = await response.text();
        // A control's own answer may have shown this state, or a later one, meanwhile.
        const version = versionOf(html);
        if (version === null || version > Number(currentVersion())) swapState(html);
      }
      settle(response.ok);
    } catch (error) {
      settle(false);
    } finally {
      pollBusy = false;
      if (fetchAgain) {
        fetchAgain = false;
        fetchState();
      }
    }
  }

  // A state that could not be fetched is asked for again by the poll until it comes, even
  // while the stream stays open: the stream only tells that something changed.
  function settle(ok) {
    setConnected(ok);
    if (!ok) startPolling();
    else if (streamOpen) stopPolling();
  }

  function startPolling() {
    if (polling === null) polling = window.setInterval(fetchState, POLL_MS);
  }

  function stopPolling() {
    if (polling !== null) {
      window.clearInterval(polling);
      polling = null;
    }
  }

  function listen() {
    if (currentStream) return;
    const root = runner();
    const url = root && root.dataset.streamUrl;
    if (!url || !window.EventSource) {
      startPolling();
      return;
    }
    const stream = new window.EventSource(url);
    currentStream = stream;
    // A proxy may hold the stream back without failing it: poll until it has opened.
    window.setTimeout(() => { if (!streamOpen) startPolling(); }, STREAM_PATIENCE_MS);
    stream.addEventListener("open", () => {
      streamOpen = true;
      stopPolling();
      setConnected(true);
      // Whatever happened while the stream was down comes now.
      fetchState(true);
    });
    stream.addEventListener("version", (event) => {
      if (event.data !== currentVersion()) fetchState(true);
    });
    stream.addEventListener("state", (event) => {
      let pushed;
      try {
        pushed = JSON.parse(event.data);
      } catch (error) {
        fetchState(true);
        return;
      }
      // A control's own answer may have shown this state, or a later one, meanwhile.
      if (pushed.version <= Number(currentVersion())) return;
      pushedWork = pushed.work;
      swapState(pushed.html);
    });
    // The session has ended, or the meeting is no longer this person's: the page says which.
    stream.addEventListener("gone", () => {
      stream.close();
      currentStream = null;
      window.location.reload();
    });
    stream.addEventListener("error", () => {
      // The browser reconnects by itself; until it does, the poll keeps the screen going.
      streamOpen = false;
      startPolling();
      // A stream refused outright (a proxy's error page) is not retried by the browser:
      // the screen tries again itself, and polls meanwhile.
      if (stream.readyState === window.EventSource.CLOSED && currentStream === stream) {
        currentStream = null;
        window.setTimeout(listen, STREAM_RETRY_MS);
      }
    });
  }

  // The room's forms

  function draftKey(field) {
    const root = runner();
    const form = field.form;
    if (!root || !form || !form.dataset.form || !field.name) return null;
    return "teamlaering.draft:" + root.dataset.meeting + ":" + form.dataset.form + ":" + field.name;
  }

  function saveDraft(event) {
    const field = event.target;
    if (!field.matches || !field.matches("#runner-work textarea, #runner-work input[type=text]")) return;
    const key = draftKey(field);
    if (!key) return;
    try {
      if (field.value) window.sessionStorage.setItem(key, field.value);
      else window.sessionStorage.removeItem(key);
    } catch (error) {
      // Without storage, drafts only live as long as the field does.
    }
  }

  function clearDrafts(formName) {
    const root = runner();
    if (!root) return;
    const prefix = "teamlaering.draft:" + root.dataset.meeting + ":" + formName + ":";
    try {
      Object.keys(window.sessionStorage)
        .filter((key) => key.startsWith(prefix))
        .forEach((key) => window.sessionStorage.removeItem(key));
    } catch (error) {
      // Nothing stored, nothing to clear.
    }
  }

  function restoreDrafts() {
    const work = workElement();
    if (!work) return;
    work.querySelectorAll("[data-saved]").forEach((saved) => clearDrafts(saved.dataset.saved));
    work.querySelectorAll("textarea, input[type=text]").forEach((field) => {
      const key = draftKey(field);
      if (!key || field.value) return;
      try {
        const draft = window.sessionStorage.getItem(key);
        if (draft) field.value = draft;
      } catch (error) {
        // No storage: nothing to restore.
      }
    });
  }

  function afterWorkSwap() {
    restoreDrafts();
    const work = workElement();
    if (!work) return;
    const invalid = work.querySelector(".is-invalid");
    const message = work.querySelector("[data-saved], [role=alert]");
    if (invalid) invalid.focus();
    else if (message && focusWorkMessage) {
      message.setAttribute("tabindex", "-1");
      message.focus();
    }
    focusWorkMessage = false;
  }

  function isTypingInWork() {
    const work = workElement();
    const focused = document.activeElement;
    return Boolean(work && focused && work.contains(focused) &&
      focused.matches("textarea, input[type=text]") && focused.value);
  }

  async function refreshWork() {
    const root = runner();
    const work = workElement();
    const state = stateElement();
    if (!root || !work) return;
    workPending = false;
    const pushed = pushedWork;
    pushedWork = null;
    if (pushed && state && stepOf(pushed) === state.dataset.step) {
      window.htmx.swap(work, pushed, { swapStyle: "outerHTML" });
      afterWorkSwap();
      return;
    }
    const url = root.dataset.workUrl + "?mode=" + encodeURIComponent(root.dataset.mode);
    try {
      const response = await get(url);
      if (response.ok) {
        window.htmx.swap(work, await response.text(), { swapStyle: "outerHTML" });
        afterWorkSwap();
      }
    } catch (error) {
      workPending = true;
    }
  }

  function refreshWorkIfPhaseChanged() {
    const state = stateElement();
    const work = workElement();
    if (!state || !work || state.dataset.step === work.dataset.step) return;
    // Someone typing keeps their field until they leave it; the draft is kept in any case.
    if (isTypingInWork()) {
      workPending = true;
      return;
    }
    refreshWork();
  }

  // Shortcuts

  function shortcutsOn() {
    try {
      return window.localStorage.getItem(SHORTCUTS_KEY) !== "off";
    } catch (error) {
      return true;
    }
  }

  function showShortcutsSetting() {
    const toggle = document.getElementById("shortcuts-toggle");
    if (!toggle) return;
    const on = shortcutsOn();
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    toggle.textContent = on ? toggle.dataset.on : toggle.dataset.off;
    document.querySelectorAll(".shortcuts-help").forEach((help) => { help.hidden = !on; });
  }

  function isInteractive(target) {
    // Space and Enter on a focused control press that control, never a shortcut.
    return target.closest("input, textarea, select, button, a, summary, [contenteditable], [role=button]");
  }

  document.addEventListener("keydown", (event) => {
    if (!shortcutsOn() || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isInteractive(event.target)) return;
    const key = event.key.toLowerCase();
    const map = { arrowright: "n", arrowleft: "p" };
    const shortcut = map[key] || key;
    const button = document.querySelector('.controls [data-shortcut="' + CSS.escape(shortcut) + '"]');
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  });

  document.addEventListener("click", (event) => {
    const toggle = event.target.closest("#shortcuts-toggle");
    if (!toggle) return;
    try {
      window.localStorage.setItem(SHORTCUTS_KEY, shortcutsOn() ? "off" : "on");
    } catch (error) {
      // Without storage the setting lasts as long as the page.
    }
    showShortcutsSetting();
  });

  document.addEventListener("input", saveDraft);

  document.addEventListener("focusout", () => {
    window.setTimeout(() => {
      if (workPending && !isTypingInWork()) refreshWork();
    }, 0);
  });

  // The controls and the room's forms are posted by htmx; their answers are swapped here too.
  document.addEventListener("htmx:afterSwap", (event) => {
    const target = event.detail.target;
    if (target && target.id === "runner-state") afterStateSwap(true);
    if (target && target.id === "runner-work") afterWorkSwap();
  });

  // A form of the room answered with the state out of band: the controls now carry the
  // version the save raised. The focus stays with the form.
  document.addEventListener("htmx:oobAfterSwap", (event) => {
    const target = event.detail.target;
    if (target && target.id === "runner-state") afterStateSwap(false);
  });

  // A form of the room answered: its confirmation or error takes the focus.
  document.addEventListener("htmx:beforeSwap", (event) => {
    const target = event.detail.target;
    if (target && target.id === "runner-work") focusWorkMessage = true;
  });

  document.addEventListener("htmx:sendError", () => setConnected(false));

  // The network is gone: a stream open from before cannot be trusted to bring anything, so
  // the screen says it is offline and asks the poll until the network is back.
  window.addEventListener("offline", () => {
    if (currentStream) {
      currentStream.close();
      currentStream = null;
    }
    streamOpen = false;
    setConnected(false);
    startPolling();
  });

  // The network is back: catch up at once rather than at the next poll, and listen again.
  window.addEventListener("online", () => {
    fetchState(true);
    if (!currentStream) listen();
  });

  // A control's hx-confirm ("Afslut møde") asks before its form is posted: htmx reads
  // hx-confirm from the form it posts, not from the button pressed, so the screen asks here.
  document.addEventListener("htmx:confirm", (event) => {
    const trigger = event.detail.triggeringEvent;
    const question = trigger && trigger.submitter && trigger.submitter.getAttribute("hx-confirm");
    if (!question) return;
    event.preventDefault();
    if (window.confirm(question)) event.detail.issueRequest(true);
  });

  document.addEventListener("DOMContentLoaded", () => {
    if (!runner()) return;
    syncOffset();
    announce();
    tick();
    restoreDrafts();
    showShortcutsSetting();
    window.setInterval(tick, 250);
    listen();
  });
})();
