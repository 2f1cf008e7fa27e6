// Personal agenda, as progressive enhancement. The choice of talks lives in this browser (localStorage) and in the
// agenda page's address, never on the server. Without this script every "Add to my agenda" link still leads to
// /agenda, whose checkbox form works on its own.
(function () {
  "use strict";

  var KEY = "agenda.talks";
  // The release the visitor last saw their agenda in, kept beside the picks: My agenda lists what changed since.
  var SEEN_KEY = "agenda.seen";
  // The release this page shows (the layout's data-release; absent on pages that are not the public programme).
  var RELEASE = Number(document.documentElement.getAttribute("data-release")) || 0;

  function parse(text) {
    var seen = {};
    return String(text || "").split(",")
      .map(function (item) { return item.trim(); })
      .filter(function (item) { return /^[0-9]{1,9}$/.test(item) && Number(item) > 0; })
      .map(Number)
      .filter(function (n) { if (seen[n]) { return false; } seen[n] = true; return true; })
      .sort(function (a, b) { return a - b; });
  }

  function read() {
    try { return parse(window.localStorage.getItem(KEY)); } catch (e) { return []; }
  }

  function write(numbers) {
    try {
      if (numbers.length) {
        window.localStorage.setItem(KEY, numbers.join(","));
        // The first picks are made in the release on screen: what changes after it is news.
        if (!readSeen() && RELEASE) { writeSeen(RELEASE); }
      } else {
        window.localStorage.removeItem(KEY);
        window.localStorage.removeItem(SEEN_KEY);
      }
    } catch (e) { /* storage disabled: the address still carries the agenda */ }
    sync();
  }

  function readSeen() {
    try {
      var text = window.localStorage.getItem(SEEN_KEY) || "";
      return /^[0-9]{1,9}$/.test(text) ? Number(text) : 0;
    } catch (e) { return 0; }
  }

  function writeSeen(release) {
    try { window.localStorage.setItem(SEEN_KEY, String(release)); } catch (e) { /* storage disabled */ }
  }

  // "&since=N" when the visitor last saw an older release than this page's, so the agenda says what changed since.
  function sinceSuffix() {
    var seen = readSeen();
    return seen && RELEASE && seen < RELEASE ? "&since=" + seen : "";
  }

  // The site's own root ("/" or the path base it is published under), set by the layout.
  var BASE = document.documentElement.getAttribute("data-base") || "/";

  function agendaUrl(numbers) {
    return BASE + (numbers.length ? "agenda?talks=" + numbers.join(",") : "agenda");
  }

  function same(a, b) { return a.join(",") === b.join(","); }

  // Replace each no-script link with a button that says what it does: "Add to my agenda", or "Remove from my agenda"
  // once the talk is in it (an action, not a state: no aria-pressed, whose label would have to stay the same).
  function enhanceToggles() {
    var links = document.querySelectorAll("a.agenda-toggle[data-talk]");
    Array.prototype.forEach.call(links, function (link) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "agenda-toggle";
      button.setAttribute("data-talk", link.getAttribute("data-talk"));
      button.setAttribute("data-title", link.getAttribute("data-title") || "talk " + link.getAttribute("data-talk"));
      var star = document.createElement("span");
      star.className = "agenda-toggle__star";
      star.setAttribute("aria-hidden", "true");
      var label = document.createElement("span");
      label.className = "agenda-toggle__label";
      button.appendChild(star);
      button.appendChild(label);
      link.parentNode.replaceChild(button, link);
      label_(button, false);
    });
  }

  function label_(button, chosen) {
    var action = chosen ? "Remove from my agenda" : "Add to my agenda";
    button.querySelector(".agenda-toggle__label").textContent = action;
    // The name says which talk; a visually hidden span would be read as "Add to my agenda : title".
    button.setAttribute("aria-label", action + ": " + button.getAttribute("data-title"));
    button.setAttribute("data-chosen", chosen ? "true" : "false");
  }

  // Reflect the stored choice in every toggle and in the links to the agenda page and its files.
  function sync() {
    var chosen = read();
    Array.prototype.forEach.call(document.querySelectorAll("button.agenda-toggle[data-talk]"), function (button) {
      label_(button, chosen.indexOf(Number(button.getAttribute("data-talk"))) >= 0);
    });
    Array.prototype.forEach.call(document.querySelectorAll("a[data-agenda-link], a[data-agenda-saved]"), function (link) {
      link.setAttribute("href", agendaUrl(chosen));
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var toggle = target && target.closest("button.agenda-toggle[data-talk]");
    if (toggle) {
      var number = Number(toggle.getAttribute("data-talk"));
      var chosen = read();
      var at = chosen.indexOf(number);
      if (at >= 0) { chosen.splice(at, 1); } else { chosen.push(number); }
      write(parse(chosen.join(",")));
      return;
    }
    // "Remove" on the agenda page: the address without that talk, saved here too when it is the saved agenda.
    var remove = target && target.closest("a[data-agenda-remove]");
    if (remove) {
      var shown = parse(new URLSearchParams(window.location.search).getAll("talks").join(","));
      var stored = read();
      var left = shown.filter(function (n) { return n !== Number(remove.getAttribute("data-agenda-remove")); });
      if (!stored.length || same(stored, shown)) {
        event.preventDefault();
        write(left);
        window.location.assign(agendaUrl(left));
      }
      return;
    }
    var copy = target && target.closest("button[data-copy]");
    if (copy) {
      var input = document.getElementById(copy.getAttribute("data-copy"));
      var status = copy.parentNode.querySelector(".agenda-copied");
      var done = function () { if (status) { status.textContent = "Link copied."; } };
      var fallback = function () { input.select(); if (status) { status.textContent = "Link selected: press Ctrl+C (or Cmd+C) to copy."; } };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(input.value).then(done, fallback);
      } else {
        fallback();
      }
      return;
    }
    if (target && target.closest("button[data-print]")) {
      window.print();
    }
  });

  // Another tab changed the agenda.
  window.addEventListener("storage", function (event) { if (event.key === KEY) { sync(); } });

  // "Dismiss" on the list of changes since the release last seen: hides it, and takes since= out of the address so
  // a reload or a bookmark does not bring it back.
  function enhanceChanges(page, shown) {
    var changes = page.querySelector(".agenda__changes");
    var dismiss = changes && changes.querySelector("[data-agenda-dismiss]");
    if (!dismiss) { return; }
    dismiss.hidden = false;
    dismiss.addEventListener("click", function () {
      changes.hidden = true;
      window.history.replaceState(null, "", agendaUrl(shown));
      var heading = page.querySelector("h1");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    });
  }

  function enhanceAgendaPage(page) {
    var params = new URLSearchParams(window.location.search);
    var stored = read();
    if (page.hasAttribute("data-agenda-error")) { return; }

    var shown = parse(params.getAll("talks").join(","));
    if (!shown.length) {
      // Open the saved agenda rather than an empty form (also for an empty "talks=", never offered as an agenda).
      // With what changed since the release the visitor last saw.
      if (stored.length) { window.location.replace(agendaUrl(stored) + sinceSuffix()); return; }
    } else {
      if (!stored.length || same(stored, shown)) {
        if (!stored.length) { write(shown); }
        // The saved agenda opened without since=: show what changed since the release last seen. Once only: the
        // page with since= records this release as seen, so the next visit is quiet.
        if (!params.has("since") && sinceSuffix()) {
          window.location.replace(agendaUrl(shown) + sinceSuffix());
          return;
        }
        if (RELEASE) { writeSeen(RELEASE); }
        enhanceChanges(page, shown);
      } else {
        // A shared link: offer to adopt it, never overwrite the saved agenda silently.
        var notice = page.querySelector("[data-agenda-adopt]");
        if (notice) {
          notice.hidden = false;
          var adopt = notice.querySelector("[data-agenda-adopt-button]");
          adopt.addEventListener("click", function () {
            write(shown);
            // Say it worked, and keep keyboard focus in place rather than losing it with a hidden button.
            var message = notice.querySelector("p");
            message.textContent = "This is now your saved agenda.";
            message.setAttribute("tabindex", "-1");
            adopt.hidden = true;
            notice.querySelector("[data-agenda-saved]").hidden = true;
            message.focus();
          });
        }
      }
    }

    // Ticking boxes and submitting saves the choice here too, and the address uses the short form talks=2,3,5.
    var form = page.querySelector("form[data-agenda-form]");
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var boxes = form.querySelectorAll("input[type=checkbox][name=talks]:checked");
        var chosen = parse(Array.prototype.map.call(boxes, function (box) { return box.value; }).join(","));
        write(chosen);
        window.location.assign(agendaUrl(chosen));
      });
    }

    Array.prototype.forEach.call(page.querySelectorAll("button[data-copy], button[data-print]"), function (button) {
      button.hidden = false;
    });
  }

  function storageWorks() {
    try {
      window.localStorage.setItem(KEY + ".probe", "1");
      window.localStorage.removeItem(KEY + ".probe");
      return true;
    } catch (e) { return false; }
  }

  // Without storage the buttons could not remember anything: keep the links to the agenda page instead.
  if (storageWorks()) { enhanceToggles(); }
  sync();
  var page = document.querySelector("[data-agenda-page]");
  if (page) { enhanceAgendaPage(page); }
}());
