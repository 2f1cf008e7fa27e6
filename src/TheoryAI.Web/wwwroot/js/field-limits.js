// A field's maximum length, said as one types: past it the hint says by how much, and the field is invalid (the
// browser refuses to submit and names the field). Nothing is cut; without this script the server says the same.
(() => {
  'use strict';
  const count = n => n.toLocaleString('en-GB');
  document.querySelectorAll('[data-maxlength]').forEach(field => {
    const max = Number(field.dataset.maxlength);
    const hint = document.getElementById(field.getAttribute('aria-describedby') || '');
    if (!max || !hint) {
      return;
    }
    const base = hint.textContent;
    const check = () => {
      const length = field.value.length;
      const over = length - max;
      hint.textContent = over > 0 ? `${base}: ${count(length)} entered, ${count(over)} too many` : base;
      hint.classList.toggle('hint--over', over > 0);
      field.setCustomValidity(over > 0 ? `At most ${count(max)} characters: shorten this by ${count(over)}.` : '');
    };
    field.addEventListener('input', check);
    check();
  });
})();
