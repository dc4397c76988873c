// The report is stored: the draft kept on this device is no longer needed.
(function () {
  "use strict";
  try {
    window.localStorage.removeItem("meldpunt-report-draft");
  } catch (e) {
    // Storage may be switched off; then there is no draft either.
  }
})();
