// Typesets the maths of abstracts and bios with KaTeX (served by the site, loaded before this file). The page holds
// the TeX source (Markdig's math extension writes \(...\) in span.math and \[...\] in div.math), which is what
// readers without JavaScript see. katex.render builds DOM nodes and sets styles through the DOM, which the site's
// content security policy allows (no inline style attributes, no eval).
(function () {
  "use strict";
  if (!window.katex) {
    return;
  }
  document.querySelectorAll(".math").forEach(function (element) {
    var display = element.tagName === "DIV";
    var tex = element.textContent.trim();
    if (display && tex.indexOf("\\[") === 0 && tex.lastIndexOf("\\]") === tex.length - 2) {
      tex = tex.slice(2, -2);
    } else if (!display && tex.indexOf("\\(") === 0 && tex.lastIndexOf("\\)") === tex.length - 2) {
      tex = tex.slice(2, -2);
    }
    try {
      window.katex.render(tex, element, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
      element.classList.add("math--typeset");
    } catch (error) {
      // Leave the TeX source as it is.
    }
  });
}());
