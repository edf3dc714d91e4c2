/* The ticket page: the deadline counts down every second in the page's language (the texts come
   from the page), from the server's clock rather than the phone's; a pushed change is announced to
   screen readers. */
(function () {
  "use strict";
  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }
  function span(ms, daysText) {
    var s = Math.floor(ms / 1000);
    var d = Math.floor(s / 86400);
    s -= d * 86400;
    var h = Math.floor(s / 3600);
    s -= h * 3600;
    var m = Math.floor(s / 60);
    s -= m * 60;
    return (d > 0 ? daysText.replace("{0}", d) + " " : "") + pad(h) + ":" + pad(m) + ":" + pad(s);
  }
  function tick() {
    var timers = document.querySelectorAll("[data-due]");
    for (var i = 0; i < timers.length; i++) {
      var el = timers[i];
      if (el.keydeskOffset === undefined) {
        el.keydeskOffset = Date.parse(el.getAttribute("data-now")) - Date.now();
      }
      var left = Date.parse(el.getAttribute("data-due")) - (Date.now() + el.keydeskOffset);
      var over = left < 0;
      var text = el.getAttribute(over ? "data-over" : "data-left");
      el.textContent = text.replace("{0}", span(Math.abs(left), el.getAttribute("data-days")));
      var box = el.closest(".due");
      if (box) {
        box.classList.toggle("overdue", over);
      }
    }
  }
  /* f:websocket's onopen and onmessage name global functions. */
  window.keydeskTicketOpened = function () {
    document.documentElement.setAttribute("data-live", "open");
  };
  window.keydeskTicketChanged = function () {
    var note = document.getElementById("liveNote");
    if (note) {
      note.textContent = "";
      setTimeout(function () {
        note.textContent = note.getAttribute("data-text");
      }, 50);
    }
  };
  /* PrimeFaces' rating names its keyboard control "{star} stars"; give it the field's own label. */
  function labelRatings() {
    var ratings = document.querySelectorAll(".ui-rating[aria-labelledby]");
    for (var i = 0; i < ratings.length; i++) {
      var label = document.getElementById(ratings[i].getAttribute("aria-labelledby"));
      var input = ratings[i].querySelector("input");
      if (label && input) {
        input.setAttribute("aria-label", label.textContent.trim());
      }
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    tick();
    labelRatings();
    if (window.faces && faces.ajax) {
      faces.ajax.addOnEvent(function (data) {
        if (data.status === "success") {
          labelRatings();
        }
      });
    }
  });
  setInterval(tick, 1000);
})();
