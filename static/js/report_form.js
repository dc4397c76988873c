// Progressive enhancement for the report form and its summary page: both work without this file.
// - The form shows one step at a time, with a progress list, "next" and "back"; a form that came
//   back with errors opens at the step of the first error, and the error links open their step.
// - Contact fields show only when the reporter may be contacted; wishes that anonymity rules out
//   are switched off while "anonymous" is chosen (the server checks the same rule).
// - What the reporter types is kept as a draft on this device (localStorage), with the form's
//   submission key, so a reload, a lost connection or a server restart loses nothing, and a
//   restored draft that is sent again gives the same report, not a second one. The anti-forgery
//   token and the consent are never kept. The confirmation page (report_received.js) removes it.
// - When the connection is lost, sending waits, and goes out once it is back.
// - Evidence files are chosen on the summary page and sent with it; they are never in the draft.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  var review = document.getElementById("report-review");
  var active = form || review;
  if (!active) return;
  document.documentElement.classList.add("js");

  var DRAFT_KEY = "meldpunt-report-draft";
  var NOT_KEPT = { csrf: 1, submission_key: 1, website: 1, action: 1, consent: 1 };

  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(DRAFT_KEY + "-probe", "1");
    storage.removeItem(DRAFT_KEY + "-probe");
  } catch (e) {
    storage = null; // switched off or full: the form works as before, without a draft
  }

  // --- Steps ----------------------------------------------------------------------------------
  var steps = form ? Array.prototype.slice.call(form.querySelectorAll("section.step")) : [];
  var progress = document.getElementById("progress");
  var reviewButton = document.getElementById("review-button");
  var submitNote = document.getElementById("submit-note");
  var current = 1;

  function showStep(number, focusHeading) {
    if (!steps.length) return;
    current = Math.max(1, Math.min(steps.length, number));
    steps.forEach(function (step) {
      step.hidden = Number(step.getAttribute("data-step")) !== current;
    });
    var last = current === steps.length;
    if (reviewButton) reviewButton.hidden = !last;
    if (submitNote) submitNote.hidden = !last;
    if (progress) {
      progress.querySelectorAll("li").forEach(function (li) {
        if (Number(li.getAttribute("data-step")) === current) li.setAttribute("aria-current", "step");
        else li.removeAttribute("aria-current");
      });
    }
    if (focusHeading) {
      var heading = document.getElementById("step-" + current + "-title");
      if (heading) heading.focus();
    }
  }

  function stepOf(element) {
    var step = element && element.closest ? element.closest("section.step") : null;
    return step ? Number(step.getAttribute("data-step")) : 0;
  }

  if (form && steps.length) {
    form.querySelectorAll(".step-nav").forEach(function (nav) { nav.hidden = false; });
    form.addEventListener("click", function (event) {
      var go = event.target.closest("[data-go]");
      if (!go) return;
      event.preventDefault();
      showStep(Number(go.getAttribute("data-go")), true);
    });
    // Links to a step (progress list) or to a field (error summary) open its step first.
    document.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      var target = document.getElementById(id);
      if (!target) return;
      var number = target.matches("section.step") ? Number(target.getAttribute("data-step")) : stepOf(target);
      if (!number) return;
      event.preventDefault();
      showStep(number, target.matches("section.step"));
      if (!target.matches("section.step")) {
        var focusable = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
        (focusable || target).focus();
      }
    });
    showStep(Number(form.getAttribute("data-open-step")) || 1, false);
  }

  // --- Choices that depend on other choices ---------------------------------------------------
  function checkedValue(name) {
    var checked = active.querySelector("input[name='" + name + "']:checked");
    return checked ? checked.value : "";
  }

  function updateDependent() {
    if (!form) return;
    var anonymous = checkedValue("anonymous") === "yes";
    var policy = checkedValue("scope") === "policy";
    var contact = document.getElementById("contact");
    if (contact) {
      contact.hidden = anonymous;
      contact.querySelectorAll("input").forEach(function (input) { input.disabled = anonymous; });
    }
    form.querySelectorAll("#wishes .choice").forEach(function (choice) {
      var ruledOut = anonymous && (choice.hasAttribute("data-not-anonymous") ||
        (choice.hasAttribute("data-anonymous-only-policy") && !policy));
      choice.classList.toggle("ruled-out", ruledOut);
      var box = choice.querySelector("input");
      if (box) box.disabled = ruledOut;
    });
    var approximate = checkedValue("incident_when") === "approximate";
    var exact = document.getElementById("when-exact-fields");
    var approx = document.getElementById("when-approximate-fields");
    if (exact) exact.hidden = approximate;
    if (approx) approx.hidden = !approximate;
  }
  if (form) form.addEventListener("change", updateDependent);

  // --- The draft on this device ---------------------------------------------------------------
  var keyInput = active.querySelector("input[name='submission_key']");

  function keptElements() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !NOT_KEPT[el.name] && el.type !== "submit" && el.type !== "button" && el.type !== "file";
    });
  }

  function readForm() {
    var fields = {};
    var typed = false;
    keptElements().forEach(function (el) {
      if (el.type === "checkbox") {
        fields[el.name] = fields[el.name] || [];
        if (el.checked) { fields[el.name].push(el.value); typed = true; }
      } else if (el.type === "radio") {
        if (!(el.name in fields)) fields[el.name] = "";
        if (el.checked) { fields[el.name] = el.value; typed = true; }
      } else {
        fields[el.name] = el.value;
        if (el.value !== "") typed = true;
      }
    });
    return typed ? fields : null;
  }

  function writeForm(fields) {
    keptElements().forEach(function (el) {
      var value = fields[el.name];
      if (el.type === "checkbox") {
        el.checked = Array.isArray(value) && value.indexOf(el.value) !== -1;
      } else if (el.type === "radio") {
        el.checked = typeof value === "string" && value !== "" && el.value === value;
      } else if (el.tagName === "SELECT") {
        value = typeof value === "string" ? value : "";
        el.value = value;
        if (el.value !== value) el.selectedIndex = 0; // an option that no longer exists
      } else {
        el.value = typeof value === "string" ? value : "";
      }
    });
  }

  // Whether the form as the server sent it holds values: a form sent back with errors (or to be
  // changed) does, a fresh form does not. Default values are what the server wrote; the
  // browser's own restoring of typed text on reload changes the values, not the defaults.
  function serverSentValues() {
    return keptElements().some(function (el) {
      if (el.type === "checkbox" || el.type === "radio") return el.defaultChecked;
      if (el.tagName === "SELECT") {
        return Array.prototype.some.call(el.options, function (o) { return o.defaultSelected && o.value !== ""; });
      }
      return el.defaultValue !== "";
    });
  }

  function readDraft() {
    if (!storage) return null;
    try {
      var draft = JSON.parse(storage.getItem(DRAFT_KEY) || "null");
      return draft && typeof draft === "object" && draft.fields && typeof draft.fields === "object" ? draft : null;
    } catch (e) {
      return null;
    }
  }

  var saveTimer = null;
  function saveNow() {
    clearTimeout(saveTimer);
    saveTimer = null;
    if (!storage || !form) return;
    var fields = readForm();
    try {
      if (!fields) {
        storage.removeItem(DRAFT_KEY); // nothing worth keeping
        return;
      }
      storage.setItem(DRAFT_KEY, JSON.stringify({
        version: 2,
        saved: new Date().toISOString(),
        submission_key: keyInput ? keyInput.value : "",
        fields: fields
      }));
    } catch (e) {
      // Storage full or switched off meanwhile: the form itself still holds the text.
    }
  }

  function saveSoon() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, 300);
  }

  // A new key for the emptied form, in the server's format (base64url), so that what is typed
  // next is a new report, never an answer to a form sent earlier with the old key.
  function freshKey() {
    var cryptoObj = window.crypto;
    if (!keyInput || !cryptoObj || !cryptoObj.getRandomValues) return;
    var bytes = new Uint8Array(18);
    cryptoObj.getRandomValues(bytes);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    keyInput.value = btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  var note = document.getElementById("draft-note");
  var clearButton = document.getElementById("draft-clear");
  var cleared = document.getElementById("draft-cleared");

  if (storage && form) {
    if (!serverSentValues()) {
      var draft = readDraft();
      if (draft) {
        writeForm(draft.fields);
        if (keyInput && /^[A-Za-z0-9_-]{16,64}$/.test(draft.submission_key || "")) {
          keyInput.value = draft.submission_key;
        }
      }
    } else {
      saveNow(); // the form came back with what was typed: keep that
    }
    form.addEventListener("input", function () {
      if (cleared) cleared.hidden = true;
      saveSoon();
    });
    form.addEventListener("change", saveSoon);
    // Leaving or hiding the page: save what the last keystrokes changed.
    window.addEventListener("pagehide", saveNow);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") saveNow();
    });
    if (note) note.hidden = false;
    if (clearButton) {
      clearButton.addEventListener("click", function () {
        clearTimeout(saveTimer);
        saveTimer = null;
        try { storage.removeItem(DRAFT_KEY); } catch (e) { /* nothing to remove */ }
        writeForm({});
        freshKey();
        pending = null;
        showConnection();
        updateDependent();
        if (cleared) cleared.hidden = false;
      });
    }
  }
  updateDependent();

  // --- A lost connection ----------------------------------------------------------------------
  var offlineNotice = document.getElementById("offline-notice");
  var offlinePending = document.getElementById("offline-pending");
  var onlineNotice = document.getElementById("online-notice");
  var onlineSending = document.getElementById("online-sending");
  var pending = null; // the button pressed while offline: "check" or "send" waits for the network
  var wasOffline = false;

  function isOffline() { return navigator.onLine === false; }

  function showConnection(sending) {
    if (!offlineNotice || !onlineNotice) return;
    if (isOffline()) {
      offlineNotice.hidden = false;
      if (offlinePending) offlinePending.hidden = !pending;
      onlineNotice.hidden = true;
    } else {
      offlineNotice.hidden = true;
      if (offlinePending) offlinePending.hidden = true;
      onlineNotice.hidden = !wasOffline;
      if (onlineSending) onlineSending.hidden = !sending;
    }
  }

  function send(submitter) {
    if (typeof active.requestSubmit === "function") {
      active.requestSubmit(submitter && submitter.form === active ? submitter : undefined);
    } else {
      active.submit();
    }
  }

  // --- "Under attack": a proof of work before sending ---------------------------------------
  // SHA-256("<submission key>:<nonce>") must start with data-pow-bits zero bits; the server
  // checks it with one hash. Registered before the offline handling, which then sends the
  // finished form when the connection allows.
  var powBits = review ? Number(review.getAttribute("data-pow-bits")) || 0 : 0;
  var powInput = document.getElementById("pow");
  var powWorking = document.getElementById("pow-working");
  function leadingZeroBits(bytes) {
    var bits = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { bits += 8; continue; }
      for (var mask = 0x80; (bytes[i] & mask) === 0; mask >>= 1) bits++;
      break;
    }
    return bits;
  }
  function solve(key, bits) {
    var encoder = new TextEncoder();
    var next = 0;
    function batch() {
      var tries = [];
      for (var i = 0; i < 256; i++) {
        (function (nonce) {
          tries.push(window.crypto.subtle.digest("SHA-256", encoder.encode(key + ":" + nonce))
            .then(function (digest) { return leadingZeroBits(new Uint8Array(digest)) >= bits ? nonce : null; }));
        })(next++);
      }
      return Promise.all(tries).then(function (found) {
        for (var i = 0; i < found.length; i++) if (found[i] !== null) return String(found[i]);
        return batch();
      });
    }
    return batch();
  }
  if (powBits && powInput && keyInput && window.crypto && window.crypto.subtle && window.TextEncoder) {
    active.addEventListener("submit", function (event) {
      var submitter = event.submitter;
      if (!submitter || submitter.value !== "send" || powInput.value || isOffline()) return;
      event.preventDefault();
      if (powWorking) powWorking.hidden = false;
      submitter.disabled = true;
      solve(keyInput.value, powBits).then(function (nonce) {
        powInput.value = nonce;
        if (powWorking) powWorking.hidden = true;
        // submit() sends no button value, so the action goes along as a field.
        var action = document.createElement("input");
        action.type = "hidden";
        action.name = "action";
        action.value = "send";
        active.appendChild(action);
        if (storage && form) saveNow();
        active.submit();
      });
    });
  }

  active.addEventListener("submit", function (event) {
    if (event.defaultPrevented) return; // the proof of work sends the form when it is done
    if (storage && form) saveNow();
    if (isOffline()) {
      event.preventDefault();
      pending = event.submitter || true;
      wasOffline = true;
      showConnection();
    }
  });

  window.addEventListener("offline", function () {
    if (storage && form) saveNow();
    wasOffline = true;
    showConnection();
  });

  window.addEventListener("online", function () {
    var waiting = pending;
    pending = null;
    showConnection(!!waiting);
    if (waiting) send(waiting === true ? null : waiting); // a normal POST, same submission key
  });

  if (isOffline()) {
    wasOffline = true;
    showConnection();
  }

  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
})();
