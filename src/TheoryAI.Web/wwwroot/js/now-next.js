// "Now" in view while the event runs:
// - marks what is on "Now" and "Next" from the entries' own times (<time datetime> instants), so a page served as a
//   file (publish-static) shows the marks of the moment it is read (a page the site marked itself keeps its marks);
// - opens the page at what is on now (unless the address names a place on the page, or the browser restored one);
// - moves the day grid's now-line to the minute, and keeps "Jump to now" pointing at the current entry, shown while
//   that entry is out of view.
// Re-checked every minute. Without the script the page written by the server is still right.
(() => {
  'use strict';

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

  // The site marked the page itself (served live, at its five-minute slot): leave its marks alone.
  const markedByServer = document.querySelector('li.entry--now, li.entry--next') !== null;
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

  function markAll(now) {
    const upcoming = entries.filter(e => e.start > now).sort((a, b) => a.start - b.start);
    const nextStart = upcoming.length > 0 && sameDay(upcoming[0].start, now) ? upcoming[0].start.getTime() : null;
    for (const entry of entries) {
      mark(entry, entry.start <= now && now < entry.end ? 'now' : entry.start.getTime() === nextStart ? 'next' : null);
    }
  }

  // The now-line of each day grid: on the row line of the current five minutes, moved down to the minute.
  function moveNowLines(now) {
    document.querySelectorAll('.day-grid[data-grid-start]').forEach(grid => {
      const line = grid.querySelector('[data-now-line]');
      if (!line) {
        return;
      }
      const step = Number(grid.dataset.gridStep) || 5;
      const minutes = (now - new Date(grid.dataset.gridStart)) / 60000;
      const gridEntries = entries.filter(e => grid.contains(e.element));
      const last = Math.max(...gridEntries.map(e => e.end.getTime()));
      line.hidden = !(minutes >= 0 && now.getTime() < last && sameDay(new Date(grid.dataset.gridStart), now));
      if (line.hidden) {
        return;
      }
      [...line.classList].filter(c => /^gr-\d+$/.test(c)).forEach(c => line.classList.remove(c));
      line.classList.add(`gr-${2 + Math.floor(minutes / step)}`);
      const rowHeight = parseFloat(getComputedStyle(grid.querySelector('.day-grid__canvas')).gridAutoRows) || 0;
      line.style.transform = `translateY(${((minutes % step) / step) * rowHeight}px)`;
    });
  }

  const jump = document.querySelector('[data-jump-now]');
  let watched = null;
  const observer = 'IntersectionObserver' in window && jump
    ? new IntersectionObserver(records => records.forEach(r => { jump.hidden = r.isIntersecting; }))
    : null;

  function current() {
    return entries.map(e => e.element).find(element => element.classList.contains('entry--now')) || null;
  }

  function pointJump(target) {
    if (!jump) {
      return;
    }
    if (!target) {
      jump.hidden = true;
      observer?.disconnect();
      watched = null;
      return;
    }
    jump.setAttribute('href', `#${target.id}`);
    if (watched !== target) {
      observer?.disconnect();
      watched = target;
      if (observer) {
        observer.observe(target);
      } else {
        jump.hidden = false;
      }
    }
  }

  function bringIntoView(target, smooth) {
    target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
  }

  jump?.addEventListener('click', event => {
    const target = current();
    if (target) {
      event.preventDefault();
      bringIntoView(target, !matchMedia('(prefers-reduced-motion: reduce)').matches);
      target.querySelector('a')?.focus({ preventScroll: true });
    }
  });

  function update() {
    const now = new Date();
    if (!markedByServer) {
      markAll(now);
    }
    moveNowLines(now);
    pointJump(current());
  }

  update();
  // Open at what is on now: not when the address names a place, nor when the browser brought back a scrolled page.
  const target = current();
  if (target && !location.hash && window.scrollY === 0) {
    bringIntoView(target, false);
  }
  setInterval(update, 60 * 1000);
})();
