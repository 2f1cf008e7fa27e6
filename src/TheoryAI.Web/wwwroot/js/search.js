// Narrows the search results as you type: asks the same /search page the form submits to and swaps in its results,
// so the results with and without JavaScript are the same. Without this script the form still works on submit.
(function () {
  "use strict";
  var form = document.querySelector("[data-search-form]");
  var results = document.querySelector("[data-search-results]");
  if (!form || !results || !window.fetch || !window.DOMParser) {
    return;
  }
  var timer = 0;
  var pending = null;

  function address() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "") {
        params.append(key, value);
      }
    });
    var query = params.toString();
    return form.action.split("?")[0] + (query ? "?" + query : "");
  }

  function refresh() {
    var url = address();
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    fetch(url, { signal: pending.signal, headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("search answered " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.querySelector("[data-search-results]");
        if (!fresh) {
          return;
        }
        // Keep the status element itself (a live region) and change its text, so screen readers announce the count.
        var status = results.querySelector("[role=status]");
        var freshStatus = fresh.querySelector("[role=status]");
        Array.prototype.slice.call(results.children).forEach(function (child) {
          if (child !== status) {
            child.remove();
          }
        });
        Array.prototype.slice.call(fresh.children).forEach(function (child) {
          if (child !== freshStatus) {
            results.appendChild(document.importNode(child, true));
          }
        });
        if (status && freshStatus) {
          status.textContent = freshStatus.textContent;
        }
        document.title = page.title;
        history.replaceState(null, "", url);
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          // The form still submits normally.
          console.warn(error);
        }
      });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });
  form.addEventListener("change", function () {
    clearTimeout(timer);
    refresh();
  });
}());
