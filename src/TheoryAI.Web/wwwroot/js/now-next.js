// Marks what is on "Now" and "Next" from the entries' own times (<time datetime> instants), so a page served as a
// file (publish-static) shows the marks of the moment it is read; re-checked every minute. Without it, the page
// written by the server is still right (a file simply carries no marks).
(() => {
  'use strict';

  // The site marked the page itself (served live, at its five-minute slot): leave its marks alone.
  if (document.querySelector('li.entry--now, li.entry--next')) {
    return;
  }

  const entries = [...document.querySelectorAll('li.entry')].map(element => {
    const times = element.querySelectorAll('.entry__time time[datetime]');
    return times.length < 2 ? null : {
      element,
      start: new Date(times[0].getAttribute('datetime')),
      end: new Date(times[1].getAttribute('datetime')),
    };
  }).filter(entry => entry !== null);
  if (entries.length === 0) {
    return;
  }

  const sameDay = (a, b) => a.toDateString() === b.toDateString();

  function mark(entry, kind) {
    entry.element.classList.remove('entry--now', 'entry--next');
    entry.element.querySelectorAll('.entry__time .mark').forEach(m => m.remove());
    if (kind) {
      entry.element.classList.add(`entry--${kind}`);
      const label = document.createElement('strong');
      label.className = 'mark';
      label.textContent = kind === 'now' ? 'Now' : 'Next';
      entry.element.querySelector('.entry__time').append(' ', label);
    }
  }

  function update() {
    const now = new Date();
    const upcoming = entries.filter(e => e.start > now).sort((a, b) => a.start - b.start);
    const nextStart = upcoming.length > 0 && sameDay(upcoming[0].start, now) ? upcoming[0].start.getTime() : null;
    for (const entry of entries) {
      const kind = entry.start <= now && now < entry.end ? 'now' : entry.start.getTime() === nextStart ? 'next' : null;
      mark(entry, kind);
    }
  }

  update();
  setInterval(update, 60 * 1000);
})();
