// The meeting runner: ticks the clocks between polls, announces changes, shortcuts and sound.
// The server owns the time: each state carries the deadline, the moment the warning begins and
// the server's "now"; the seconds shown are computed from those, never counted in the browser.
(function () {
  "use strict";

  let offsetMs = 0;
  let lastAnnouncement = "";
  let endedFor = null;

  function stateElement() {
    return document.getElementById("runner-state");
  }

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
    const minutes = Math.floor(abs / 60);
    const rest = String(abs % 60).padStart(2, "0");
    return sign + minutes + ":" + rest;
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
      if (remaining <= 0 && endedFor !== clock.dataset.deadline) {
        endedFor = clock.dataset.deadline;
        if (state.dataset.sound === "on" && remaining > -2) beep();
      }
    });
  }

  function announce() {
    const state = stateElement();
    const live = document.getElementById("runner-live");
    if (!state || !live) return;
    const text = state.dataset.announce || "";
    if (text && text !== lastAnnouncement) {
      if (lastAnnouncement) live.textContent = text;
      lastAnnouncement = text;
    }
  }

  function isTyping(target) {
    return target.closest("input, textarea, select, [contenteditable]");
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    const map = { arrowright: "n", arrowleft: "p" };
    const shortcut = map[key] || key;
    const button = document.querySelector('.controls [data-shortcut="' + CSS.escape(shortcut) + '"]');
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  });

  document.addEventListener("htmx:afterSwap", () => {
    syncOffset();
    announce();
    tick();
  });

  document.addEventListener("htmx:afterRequest", (event) => {
    const form =
      event.detail.elt.closest && event.detail.elt.closest(".entries form, .follow-up form");
    if (form && event.detail.successful) form.reset();
  });

  document.addEventListener("DOMContentLoaded", () => {
    syncOffset();
    announce();
    tick();
    window.setInterval(tick, 250);
  });
})();
