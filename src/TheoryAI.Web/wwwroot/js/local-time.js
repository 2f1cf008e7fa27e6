// "Show times in my time zone": rewrites every <time datetime="..."> (an instant with its offset) into the
// visitor's zone and names that zone; pressing again restores the event's times. The choice is remembered in this
// browser (localStorage) for every page. Pages work without it.
(() => {
  'use strict';

  const KEY = 'times.zone';
  const hosts = document.querySelectorAll('[data-local-time-toggle]');
  const times = document.querySelectorAll('time[datetime]');
  if (hosts.length === 0 || times.length === 0 || typeof Intl !== 'object') {
    return;
  }

  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const eventZone = hosts[0].dataset.localTimeToggle;
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const isoDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
  const shortDay = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
  const zoneAbbreviation = at => {
    const part = new Intl.DateTimeFormat('en-GB', { timeZoneName: 'short' }).formatToParts(at)
      .find(p => p.type === 'timeZoneName');
    return part ? part.value : '';
  };

  const first = new Date(times[0].getAttribute('datetime'));
  const localZoneName = `your time zone, ${zone}` + (zoneAbbreviation(first) ? ` (${zoneAbbreviation(first)})` : '');
  const buttons = [];

  const remembered = () => {
    try { return window.localStorage.getItem(KEY) === 'local'; } catch (e) { return false; }
  };
  const remember = on => {
    try {
      if (on) { window.localStorage.setItem(KEY, 'local'); } else { window.localStorage.removeItem(KEY); }
    } catch (e) { /* storage disabled: the choice lasts for this page */ }
  };
  let local = false;

  // Times are grouped (a day's timetable, an agenda, a room's table; else the element around a time range): in a
  // group the visitor's day is named once where it changes, not beside every time.
  const groupOf = element => element.closest('[data-time-group]') || element.parentElement;
  const lastDay = new Map();

  function showTime(element) {
    if (element.dataset.eventText === undefined) {
      element.dataset.eventText = element.textContent;
    }
    if (!local) {
      element.textContent = element.dataset.eventText;
      element.removeAttribute('title');
      return;
    }
    const value = element.getAttribute('datetime');
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) {
      return;
    }
    // The datetime's own date is the event's day; name the visitor's day when it differs from the last one named.
    const group = groupOf(element);
    const day = isoDay.format(at);
    // A group that names the event's day beside its times (data-name-day) names the visitor's day instead.
    const known = lastDay.has(group) ? lastDay.get(group) : group.hasAttribute('data-name-day') ? '' : value.slice(0, 10);
    lastDay.set(group, day);
    element.textContent = clock.format(at) + (day === known ? '' : ` (${shortDay.format(at)})`);
    element.title = `${element.dataset.eventText} at the event`;
  }

  function render() {
    lastDay.clear();
    times.forEach(showTime);
    document.querySelectorAll('[data-event-day]').forEach(day => { day.hidden = local; });
    // A range with days named is longer than the column made for "09:45–10:30": let it wrap (site.css).
    document.documentElement.classList.toggle('times-local', local);
    document.querySelectorAll('[data-zone-note]').forEach(note => {
      if (note.dataset.eventText === undefined) {
        note.dataset.eventText = note.textContent;
      }
      note.textContent = local ? localZoneName : note.dataset.eventText;
    });
    // The label says what pressing does, so it tells the state too.
    buttons.forEach(button => {
      button.textContent = local
        ? `Show times in the event's time zone (${eventZone})`
        : `Show times in my time zone (${zone})`;
    });
  }

  hosts.forEach(host => {
    // data-local-time-toggle holds the event's zone: a visitor already in it needs no toggle.
    if (host.dataset.localTimeToggle === zone) {
      return;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'local-time__toggle';
    button.addEventListener('click', () => {
      local = !local;
      remember(local);
      render();
    });
    buttons.push(button);
    host.appendChild(button);
    host.hidden = false;
  });
  local = buttons.length > 0 && remembered();
  render();
  // Another tab changed the choice.
  window.addEventListener('storage', event => {
    if (event.key === KEY) {
      local = remembered();
      render();
    }
  });
})();
