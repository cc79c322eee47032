/*! Compute Coverage crash guard (README, "Security") */
(function () {
  var CURRENT = 'compute-coverage.current';
  var RESET = 'compute-coverage.reset';
  var shown;

  function reset() {
    try {
      if (Date.now() - (sessionStorage.getItem(RESET) || 0) < 6e4 || !location.hash) {
        var work = localStorage.getItem(CURRENT);
        if (work) localStorage.setItem(CURRENT + '.unreadable', work);
        localStorage.removeItem(CURRENT);
      } else sessionStorage.setItem(RESET, Date.now());
    } catch (e) {}
    location.replace(location.pathname + location.search);
  }

  function show(error) {
    if (shown || !(error instanceof WebAssembly.RuntimeError)) return;
    shown = document.createElement('main');
    var button = document.createElement('button');
    shown.id = 'crash';
    shown.className = 'notice error';
    shown.style.margin = '2em';
    shown.setAttribute('role', 'alert');
    shown.append('Something went wrong: the calculator stopped. Your saved scenarios are safe. ', button);
    button.id = 'crash-reset';
    button.className = 'small-button';
    button.textContent = 'Reset to the last saved scenario';
    button.onclick = reset;
    document.body.replaceChildren(shown);
    button.focus();
  }

  addEventListener('error', function (e) { show(e.error); });
  addEventListener('unhandledrejection', function (e) { show(e.reason); });
})();
