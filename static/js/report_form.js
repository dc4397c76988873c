// Progressive enhancement for the report form: it works without this file.
// When the reporter chooses to stay anonymous, the contact fields are hidden (and not sent),
// so nobody types details that would be thrown away.
(function () {
  "use strict";
  var form = document.querySelector("form[action='/melden']");
  if (!form) return;
  document.documentElement.classList.add("js");
  var contact = document.getElementById("contact");
  var radios = form.querySelectorAll("input[name='anonymous']");
  function update() {
    var yes = form.querySelector("input[name='anonymous'][value='yes']");
    var anonymous = yes && yes.checked;
    contact.hidden = anonymous;
    contact.querySelectorAll("input").forEach(function (input) { input.disabled = anonymous; });
  }
  radios.forEach(function (radio) { radio.addEventListener("change", update); });
  update();
  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
})();
