/* The supervisors' dashboard: f:websocket's onopen and onmessage name these global functions. The
   panels are re-rendered by the socket's ajax behaviour; this marks the socket open (for tests and
   styling) and announces an update to screen readers. */
(function () {
  "use strict";
  window.keydeskDashboardOpened = function () {
    document.documentElement.setAttribute("data-live", "open");
  };
  window.keydeskDashboardChanged = function () {
    var note = document.getElementById("liveNote");
    if (note) {
      note.textContent = "";
      setTimeout(function () {
        note.textContent = note.getAttribute("data-text");
      }, 50);
    }
  };
})();
