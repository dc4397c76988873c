// Read-aloud (issue 15). Without this script every section has its own <audio> in the
// "Read aloud" box. With it, one button reads the sections in order, marks the section being read
// and says so in a status line; and on the report form a button reads the reporter's own
// description back (the text goes only to our server, which neither stores nor logs it).
(function () {
  "use strict";
  var control = document.querySelector("[data-read-aloud]");
  if (!control || typeof window.Audio !== "function") return;
  var player = control.querySelector("[data-ra-player]");
  var play = control.querySelector("[data-ra-play]");
  var pause = control.querySelector("[data-ra-pause]");
  var stop = control.querySelector("[data-ra-stop]");
  var status = control.querySelector("[data-ra-status]");
  var items = Array.prototype.slice.call(control.querySelectorAll("[data-ra-section]"));
  var main = document.getElementById("main") || document.body;
  var audio = new window.Audio();
  var index = -1;
  var marked = [];

  function say(text) { status.textContent = text; }

  // The page's headings outside the control, in order.
  function headings() {
    return Array.prototype.filter.call(main.querySelectorAll("h1, h2"), function (h) {
      return !control.contains(h);
    });
  }

  function unmark() {
    marked.forEach(function (el) { el.classList.remove("read-aloud-current"); });
    marked = [];
  }

  // Marks the heading of the section and what follows it up to the next heading.
  // (The parts of a long section mark the same heading.)
  function mark(item) {
    unmark();
    var wanted = (item.getAttribute("data-heading") || "").trim();
    var all = headings();
    var heading = all.filter(function (h) { return h.textContent.trim() === wanted; })[0] ||
      all[Number(item.getAttribute("data-position")) || 0];
    if (!heading) return;
    var el = heading;
    do {
      el.classList.add("read-aloud-current");
      marked.push(el);
      el = el.nextElementSibling;
    } while (el && !/^H[12]$/.test(el.tagName) && !el.contains(control));
    if (heading.scrollIntoView) heading.scrollIntoView({ block: "nearest" });
  }

  function setPlaying(playing) {
    play.disabled = playing;
    pause.disabled = !playing;
    stop.disabled = index < 0;
  }

  function playAt(i) {
    if (i >= items.length) { finish(); return; }
    index = i;
    var item = items[i];
    var source = item.querySelector("audio");
    mark(item);
    audio.src = source.getAttribute("src");
    say(control.getAttribute("data-reading") + " " +
      (item.getAttribute("data-heading") || ""));
    var started = audio.play();
    if (started && started.catch) {
      started.catch(function () { say(control.getAttribute("data-failed")); finish(true); });
    }
    setPlaying(true);
  }

  function finish(keepStatus) {
    audio.pause();
    audio.removeAttribute("src");
    index = -1;
    control.removeAttribute("data-ra-playing");
    unmark();
    if (!keepStatus) say(control.getAttribute("data-stopped"));
    setPlaying(false);
  }

  // Which section is audibly playing (for tests and styling): set once the browser plays it.
  audio.addEventListener("playing", function () {
    if (index >= 0) control.setAttribute("data-ra-playing", items[index].getAttribute("data-ra-section"));
  });
  audio.addEventListener("ended", function () { if (index >= 0) playAt(index + 1); });
  audio.addEventListener("error", function () {
    if (index >= 0) { say(control.getAttribute("data-failed")); finish(true); }
  });

  play.addEventListener("click", function () {
    if (index >= 0 && audio.paused) {  // go on after a pause
      audio.play();
      say(control.getAttribute("data-reading") + " " +
        (items[index].getAttribute("data-heading") || ""));
      setPlaying(true);
    } else {
      playAt(0);
    }
  });
  pause.addEventListener("click", function () {
    audio.pause();
    say(control.getAttribute("data-paused"));
    setPlaying(false);
  });
  stop.addEventListener("click", function () { finish(false); play.focus(); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && index >= 0) finish(false);
  });
  player.hidden = false;

  // The reporter's own description, read back.
  var description = document.getElementById("description");
  var form = description && description.form;
  var token = form && form.querySelector("input[name=csrf]");
  if (!description || !token) return;
  var mine = document.createElement("button");
  mine.type = "button";
  mine.className = "button button-secondary read-aloud-mine";
  mine.textContent = control.getAttribute("data-read-mine");
  var message = document.createElement("p");
  message.className = "read-aloud-message";
  message.setAttribute("role", "status");
  message.setAttribute("aria-live", "polite");
  description.parentNode.insertBefore(message, description.nextSibling);
  description.parentNode.insertBefore(mine, description.nextSibling);
  var own = new window.Audio();
  var ownUrl = null;
  mine.addEventListener("click", function () {
    var body = new URLSearchParams();
    body.set("csrf", token.value);
    body.set("tekst", description.value);
    body.set("taal", control.getAttribute("data-speech-lang"));
    message.textContent = control.getAttribute("data-working");
    mine.disabled = true;
    fetch(control.getAttribute("data-text-action"), {
      method: "POST", body: body, credentials: "same-origin", cache: "no-store"
    }).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (text) {
          throw new Error(response.status === 400 ? text : control.getAttribute("data-failed"));
        });
      }
      return response.blob();
    }).then(function (blob) {
      if (ownUrl) URL.revokeObjectURL(ownUrl);
      ownUrl = URL.createObjectURL(blob);
      own.src = ownUrl;
      message.textContent = control.getAttribute("data-reading") + " " + mine.textContent;
      return own.play();
    }).catch(function (error) {
      message.textContent = error && error.message ? error.message : control.getAttribute("data-failed");
    }).then(function () { mine.disabled = false; });
  });
  own.addEventListener("ended", function () { message.textContent = ""; });
})();
