// Checks a step of the report form when the reporter presses "Next", so that a missing answer is
// found where it was asked, not four steps later. The last step goes to the server as before
// ("Check your report"), which checks the whole form and answers with the same summary.
// - The messages are the server's own, rendered into the form as data-step-check (step_check.hpp),
//   and they are shown the way the server shows them: beside the field (linked with
//   aria-describedby, the field marked aria-invalid) and in an error summary above the form that
//   takes the focus, with a link to each field.
// - Only what the browser can know is checked here: missing answers and the format of dates,
//   years and postcodes. The server checks everything again.
// - "Back" is never stopped. Without JavaScript the form is one page and the server checks it.
// Runs after report_form.js (both deferred, in document order) and stops its "Next" when the
// step has problems, by listening in the capture phase.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form) return;
  var config;
  try {
    config = JSON.parse(form.getAttribute("data-step-check") || "null");
  } catch (e) {
    config = null;
  }
  if (!config || !config.messages) return;
  var messages = config.messages;
  var rules = config.rules || {};

  // --- Reading the form ------------------------------------------------------------------------
  function text(name) {
    var el = form.querySelector("[name='" + name + "']");
    return el && !el.disabled ? el.value.trim() : "";
  }
  function checked(name) {
    return Array.prototype.filter.call(form.querySelectorAll("input[name='" + name + "']"),
      function (input) { return input.checked && !input.disabled; })
      .map(function (input) { return input.value; });
  }

  // --- The server's rules for formats (src/domain/reports/report.cpp, postcode.cpp) -----------
  function postcodeLooksRight(postcode) {
    return /^[1-9][0-9]{3}[ -]?([A-Za-z]{2})?$/.test(postcode);
  }
  function validIsoDate(iso) {
    var m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso);
    if (!m) return false;
    var d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 &&
      d.getUTCDate() === Number(m[3]);
  }
  // The latest date the server takes: reporters anywhere may be a day ahead of UTC.
  function latestIso() {
    var now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1))
      .toISOString().slice(0, 10);
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // --- The checks of each step, in the server's order ------------------------------------------
  function checkPlace(errors, field, postcodeField) {
    var code = text(field);
    var postcode = text(postcodeField);
    if (!code && postcode && form.querySelector("[name='" + postcodeField + "']")) {
      if (!postcodeLooksRight(postcode)) errors.push([postcodeField, "invalid_postcode"]);
    } else if (!code) {
      errors.push([field, "required"]);
    }
  }
  function checkChoice(errors, field) {
    if (!checked(field).length) errors.push([field, "required"]);
  }
  function checkDate(errors) {
    var earliest = Number(rules.earliest_year) || 1900;
    var iso;
    var field;
    if (checked("incident_when")[0] === "approximate") {
      field = "incident_year";
      var year = text("incident_year");
      if (!year) return errors.push([field, "required"]);
      if (!/^[0-9]{4}$/.test(year) || !validIsoDate(year + "-01-01")) {
        return errors.push([field, "invalid_date"]);
      }
      var month = Number(text("incident_month")) || 1;
      iso = year + "-" + pad(month) + "-01";
    } else {
      field = "incident_date";
      iso = text("incident_date");
      if (!iso) return errors.push([field, "required"]);
      if (!validIsoDate(iso)) return errors.push([field, "invalid_date"]);
    }
    if (iso > latestIso()) return errors.push([field, "future_date"]);
    if (Number(iso.slice(0, 4)) < earliest) errors.push([field, "too_old"]);
  }
  var CHECKS = {
    1: function (errors) {
      checkChoice(errors, "reporter_role");
      checkPlace(errors, "residence_municipality", "residence_postcode");
    },
    2: function (errors) {
      if (!text("description")) errors.push(["description", "required"]);
      checkChoice(errors, "nature");
      checkChoice(errors, "grounds");
    },
    3: function (errors) {
      checkChoice(errors, "domain");
      checkDate(errors);
      checkPlace(errors, "incident_municipality", "incident_postcode");
      checkChoice(errors, "scope");
    }
  };

  // --- Showing the problems as the server does -------------------------------------------------
  function describedBy(el, id, add) {
    var ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (token) {
      return token && token !== id;
    });
    if (add) ids.push(id);
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
  }

  // Takes away what an earlier check (or the server) showed in this step.
  function clearStep(section) {
    Array.prototype.forEach.call(section.querySelectorAll(".field-error[id]"), function (p) {
      var id = p.id;
      Array.prototype.forEach.call(section.querySelectorAll("[aria-describedby~='" + id + "']"),
        function (el) { describedBy(el, id, false); });
      p.parentNode.removeChild(p);
    });
    Array.prototype.forEach.call(section.querySelectorAll(".has-error"), function (el) {
      el.classList.remove("has-error");
    });
    Array.prototype.forEach.call(section.querySelectorAll("[aria-invalid]"), function (el) {
      el.removeAttribute("aria-invalid");
    });
  }

  function showError(name, message) {
    var target = document.getElementById(name);
    if (!target) return;
    var id = name + "-error";
    var p = document.createElement("p");
    p.className = "field-error";
    p.id = id;
    p.textContent = message;
    if (target.tagName === "FIELDSET") {
      // A group of choices: the message above the first choice, the group described by it.
      var first = target.querySelector(".choice");
      target.insertBefore(p, first && first.parentNode === target ? first : null);
      target.classList.add("has-error");
    } else {
      target.parentNode.insertBefore(p, target);
      target.setAttribute("aria-invalid", "true");
      var container = target.closest(".field");
      if (container) container.classList.add("has-error");
    }
    describedBy(target, id, true);
  }

  // The error summary above the form: this step's problems first, then those the server found
  // in other steps and that are still shown there.
  function showSummary(section, errors) {
    var old = document.querySelectorAll(".error-summary[aria-labelledby='error-summary-title']");
    var kept = [];
    Array.prototype.forEach.call(old, function (summary) {
      Array.prototype.forEach.call(summary.querySelectorAll("li"), function (li) {
        var link = li.querySelector("a[href^='#']");
        var field = link ? document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1))) : null;
        if (field && !section.contains(field)) kept.push(li);
      });
      summary.parentNode.removeChild(summary);
    });
    if (!errors.length && !kept.length) return null;
    var summary = document.createElement("div");
    summary.className = "error-summary";
    summary.setAttribute("role", "alert");
    summary.setAttribute("aria-labelledby", "error-summary-title");
    summary.tabIndex = -1;
    var title = document.createElement("h2");
    title.id = "error-summary-title";
    title.textContent = form.getAttribute("data-summary-title") || "";
    var list = document.createElement("ul");
    errors.forEach(function (error) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + error.field;
      a.textContent = error.message;
      li.appendChild(a);
      list.appendChild(li);
    });
    kept.forEach(function (li) { list.appendChild(li); });
    summary.appendChild(title);
    summary.appendChild(list);
    form.parentNode.insertBefore(summary, form);
    return summary;
  }

  // Checks one step: true when it may be left.
  function checkStep(section) {
    var number = Number(section.getAttribute("data-step"));
    if (!CHECKS[number]) return true;
    var found = [];
    CHECKS[number](found);
    var errors = [];
    var seen = {};
    found.forEach(function (pair) {
      var field = pair[0];
      var text = messages[field] && messages[field][pair[1]];
      if (!text || seen[field]) return; // only the first problem of a field, as the server does
      seen[field] = true;
      errors.push({ field: field, message: text });
    });
    clearStep(section);
    errors.forEach(function (error) { showError(error.field, error.message); });
    var summary = showSummary(section, errors);
    if (errors.length && summary) summary.focus();
    return errors.length === 0;
  }

  form.addEventListener("click", function (event) {
    var go = event.target.closest("[data-go]");
    if (!go) return;
    var section = go.closest("section.step");
    if (!section || Number(go.getAttribute("data-go")) <= Number(section.getAttribute("data-step"))) return;
    if (!checkStep(section)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();
