// Progressive enhancement for the report form: it works without this file.
// - When the reporter chooses to stay anonymous, the contact fields are hidden (and not sent),
//   so nobody types details that would be thrown away.
// - What the reporter types is kept as a draft on this device (localStorage), with the form's
//   submission key, so a reload, a lost connection or a server restart loses nothing, and a
//   restored draft that is sent again gives the same report, not a second one. The anti-forgery
//   token is never kept. The confirmation page (report_received.js) removes the draft.
// - When the connection is lost, sending waits, and the report goes out once it is back.
// - Chosen evidence files are sent with the form as usual, but never kept in the draft: only the
//   FIELDS below are, and a file input is not among them.
(function () {
  "use strict";
  var form = document.querySelector("form[action='/melden']");
  if (!form) return;
  document.documentElement.classList.add("js");

  // --- Contact fields only when the reporter may be contacted -------------------------------
  var contact = document.getElementById("contact");
  var radios = form.querySelectorAll("input[name='anonymous']");
  function update() {
    var yes = form.querySelector("input[name='anonymous'][value='yes']");
    var anonymous = yes && yes.checked;
    contact.hidden = anonymous;
    contact.querySelectorAll("input").forEach(function (input) { input.disabled = anonymous; });
  }
  radios.forEach(function (radio) { radio.addEventListener("change", update); });

  // --- The draft on this device ---------------------------------------------------------------
  var DRAFT_KEY = "meldpunt-report-draft";
  // Everything the reporter types or chooses; "anonymous" is the radio group.
  var FIELDS = ["description", "incident_date", "incident_municipality", "residence_municipality",
    "anonymous", "contact_name", "contact_email", "contact_phone"];
  var keyInput = form.querySelector("input[name='submission_key']");

  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(DRAFT_KEY + "-probe", "1");
    storage.removeItem(DRAFT_KEY + "-probe");
  } catch (e) {
    storage = null; // switched off or full: the form works as before, without a draft
  }

  function field(name) { return form.elements.namedItem(name); }

  // A field's value; for the radio group (a RadioNodeList) the chosen value, "" when none is.
  function currentValue(name) {
    var el = field(name);
    return (el && el.value) || "";
  }

  function setValue(name, value) {
    var el = field(name);
    if (!el) return;
    value = typeof value === "string" ? value : "";
    if (name === "anonymous") {
      radios.forEach(function (radio) { radio.checked = radio.value === value && value !== ""; });
    } else if (el.tagName === "SELECT") {
      el.value = value;
      if (el.value !== value) el.selectedIndex = 0; // an option that no longer exists
    } else {
      el.value = value;
    }
  }

  // Whether the form as the server sent it holds values: a form sent back with errors does,
  // a fresh form does not. Default values are what the server wrote; the browser's own
  // restoring of typed text on reload changes the values, not the defaults.
  function serverSentValues() {
    return FIELDS.some(function (name) {
      if (name === "anonymous") {
        return Array.prototype.some.call(radios, function (radio) { return radio.defaultChecked; });
      }
      var el = field(name);
      if (!el) return false;
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

  function saveNow() {
    clearTimeout(saveTimer);
    saveTimer = null;
    if (!storage) return;
    var fields = {};
    var typed = false;
    FIELDS.forEach(function (name) {
      fields[name] = currentValue(name);
      if (fields[name] !== "") typed = true;
    });
    try {
      if (!typed) {
        storage.removeItem(DRAFT_KEY); // nothing worth keeping
        return;
      }
      storage.setItem(DRAFT_KEY, JSON.stringify({
        version: 1,
        saved: new Date().toISOString(),
        submission_key: keyInput ? keyInput.value : "",
        fields: fields
      }));
    } catch (e) {
      // Storage full or switched off meanwhile: the form itself still holds the text.
    }
  }

  var saveTimer = null;
  function saveSoon() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, 300);
  }

  function restore(draft) {
    FIELDS.forEach(function (name) { setValue(name, draft.fields[name]); });
    if (keyInput && /^[A-Za-z0-9_-]{16,64}$/.test(draft.submission_key || "")) {
      keyInput.value = draft.submission_key;
    }
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

  if (storage) {
    if (!serverSentValues()) {
      var draft = readDraft();
      if (draft) restore(draft);
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
        FIELDS.forEach(function (name) { setValue(name, ""); });
        // Chosen files are never kept in the draft, but they go with the other fields.
        var files = field("evidence");
        if (files) files.value = "";
        freshKey();
        pending = false;
        showConnection();
        update();
        if (cleared) cleared.hidden = false;
      });
    }
  }
  update();

  // --- A lost connection ----------------------------------------------------------------------
  var offlineNotice = document.getElementById("offline-notice");
  var offlinePending = document.getElementById("offline-pending");
  var onlineNotice = document.getElementById("online-notice");
  var onlineSending = document.getElementById("online-sending");
  var pending = false; // the reporter pressed "send" while offline
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

  function send() {
    if (typeof form.requestSubmit === "function") form.requestSubmit();
    else form.submit();
  }

  form.addEventListener("submit", function (event) {
    if (storage) saveNow();
    if (isOffline()) {
      event.preventDefault();
      pending = true;
      wasOffline = true;
      showConnection();
    }
  });

  window.addEventListener("offline", function () {
    if (storage) saveNow();
    wasOffline = true;
    showConnection();
  });

  window.addEventListener("online", function () {
    var sending = pending;
    pending = false;
    showConnection(sending);
    if (sending) send(); // a normal POST, with the same submission key
  });

  if (isOffline()) {
    wasOffline = true;
    showConnection();
  }

  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
})();
