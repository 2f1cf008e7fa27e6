// "Show times in my time zone": rewrites every <time datetime="..."> (an instant with its offset) into the
// visitor's zone and names that zone; pressing again restores the event's times. Pages work without it.
(() => {
  'use strict';

  const hosts = document.querySelectorAll('[data-local-time-toggle]');
  const times = document.querySelectorAll('time[datetime]');
  if (hosts.length === 0 || times.length === 0 || typeof Intl !== 'object') {
    return;
  }

  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
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
  let local = false;

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
    // The datetime's own date is the event's day; say so when the visitor's day differs.
    const sameDay = isoDay.format(at) === value.slice(0, 10);
    element.textContent = clock.format(at) + (sameDay ? '' : ` (${shortDay.format(at)})`);
    element.title = `${element.dataset.eventText} at the event`;
  }

  function render() {
    times.forEach(showTime);
    document.querySelectorAll('[data-zone-note]').forEach(note => {
      if (note.dataset.eventText === undefined) {
        note.dataset.eventText = note.textContent;
      }
      note.textContent = local ? localZoneName : note.dataset.eventText;
    });
    buttons.forEach(button => button.setAttribute('aria-pressed', String(local)));
  }

  hosts.forEach(host => {
    // data-local-time-toggle holds the event's zone: a visitor already in it needs no toggle.
    if (host.dataset.localTimeToggle === zone) {
      return;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'local-time__toggle';
    button.textContent = `Show times in my time zone (${zone})`;
    button.addEventListener('click', () => {
      local = !local;
      render();
    });
    buttons.push(button);
    host.appendChild(button);
    host.hidden = false;
  });
  render();
})();
