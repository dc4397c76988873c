// The report is stored: the draft kept on this device is no longer needed.
// And the receipt code can be printed with a button (without JavaScript the page says how).
(function () {
  "use strict";
  try {
    window.localStorage.removeItem("meldpunt-report-draft");
  } catch (e) {
    // Storage may be switched off; then there is no draft either.
  }
  var print = document.getElementById("print-page");
  if (print && typeof window.print === "function") {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
