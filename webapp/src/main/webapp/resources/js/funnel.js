/*
 * The after-sales flow's "left the page" signal for the abandonment funnel (docs/events.md): when
 * the buyer leaves the filing page before the case ends (closes the tab, goes elsewhere), one LEFT
 * event for the step they were on goes to /api/v1/funnel/events by navigator.sendBeacon. Moving
 * between the flow's own steps (a form post) is not leaving.
 */
(function () {
  'use strict';
  var flow = document.getElementById('flow');
  if (!flow || !navigator.sendBeacon) {
    return;
  }
  var moving = false;
  document.addEventListener('submit', function () {
    moving = true;
  }, true);
  window.addEventListener('pageshow', function () {
    moving = false;
  });
  window.addEventListener('pagehide', function () {
    var d = flow.dataset;
    if (moving || d.done === 'true') {
      return;
    }
    var event = {
      sessionId: d.session,
      step: d.step,
      action: 'LEFT',
      mode: d.mode,
      language: d.lang,
      channel: d.channel
    };
    if (d.category) {
      event.category = d.category;
    }
    if (d.order) {
      event.orderNo = d.order;
    }
    navigator.sendBeacon(d.beacon, new Blob([JSON.stringify(event)], {type: 'text/plain'}));
  });
})();
