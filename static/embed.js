/*! Compute Coverage embed resizer. Include once on a page that embeds Compute Coverage views:
 *    <script src="https://YOUR-HOST/PATH/embed.js" async></script>
 * Each embed posts its content height; this script sets the height of the iframe it came from.
 * It accepts only messages sent by an iframe marked data-compute-coverage, from that iframe's
 * own origin, in the exact expected shape, and ignores everything else. */
(function () {
  'use strict';
  if (window.__computeCoverageEmbed) return;
  window.__computeCoverageEmbed = true;

  var MIN = 80;
  var MAX = 20000;

  function originOf(frame) {
    try {
      return new URL(frame.getAttribute('src'), document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'compute-coverage:height') return;
    var keys = Object.keys(data);
    if (keys.length !== 2) return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < MIN || height > MAX) return;
    var frames = document.querySelectorAll('iframe[data-compute-coverage]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (originOf(frame) !== event.origin) return;
      frame.style.height = Math.ceil(height) + 'px';
      frame.setAttribute('scrolling', 'no');
      return;
    }
  });
})();
