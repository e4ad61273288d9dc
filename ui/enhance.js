// The page script of ui/enhance.py (placeholders __LIMIT__, __WORDS__, __PATTERNS__ are filled there).
(function () {
  var LIMIT = __LIMIT__;
  var WORDS = __WORDS__;
  var PATTERNS = __PATTERNS__.map(function (p) { return [new RegExp(p[0]), p[1]]; });
  var top = window;
  if (top.__tryggUi) { top.__tryggUi.limit = LIMIT; return; }
  var state = top.__tryggUi = { limit: LIMIT };
  var doc = top.document;

  function swedish(text) {
    var trimmed = text.trim();
    if (!trimmed) { return null; }
    if (Object.prototype.hasOwnProperty.call(WORDS, trimmed)) { return text.replace(trimmed, WORDS[trimmed]); }
    for (var i = 0; i < PATTERNS.length; i++) {
      if (PATTERNS[i][0].test(trimmed)) { return text.replace(trimmed, trimmed.replace(PATTERNS[i][0], PATTERNS[i][1])); }
    }
    return null;
  }
  function translate(root) {
    if (!root || root.nodeType === 3) {
      if (root && root.parentElement && !root.parentElement.closest('.trygg-own')) {
        var t = swedish(root.nodeValue || '');
        if (t !== null && t !== root.nodeValue) { root.nodeValue = t; }
      }
      return;
    }
    if (root.nodeType !== 1 || root.closest('.trygg-own, [data-testid="stChatMessage"], [data-testid="stMarkdown"]')) { return; }
    var walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) { translate(node); }
    var attrs = ['placeholder', 'aria-label', 'title'];
    var els = [root].concat(Array.prototype.slice.call(root.querySelectorAll('[placeholder], [aria-label], [title]')));
    els.forEach(function (el) {
      attrs.forEach(function (a) {
        var v = el.getAttribute && el.getAttribute(a);
        if (v) { var t = swedish(v); if (t !== null && t !== v) { el.setAttribute(a, t); } }
      });
    });
  }
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      if (r.type === 'characterData') { translate(r.target); }
      else if (r.type === 'attributes') { translate(r.target); }
      else { r.addedNodes.forEach(translate); }
    });
  }).observe(doc.body, { childList: true, subtree: true, characterData: true,
                         attributes: true, attributeFilter: ['placeholder', 'aria-label', 'title'] });
  translate(doc.body);

  // [n] markers: scroll to the source card and light it up.
  doc.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a.trygg-marker');
    if (!link) { return; }
    e.preventDefault();
    var target = doc.getElementById(link.getAttribute('href').slice(1));
    if (!target) { return; }
    var card = target.closest('[class*="_card"]') || target;
    card.scrollIntoView({ block: 'center' });
    doc.querySelectorAll('.trygg-flash').forEach(function (el) { el.classList.remove('trygg-flash'); });
    card.classList.add('trygg-flash');
    card.setAttribute('data-trygg-opened', String(Date.now()));
  }, true);

  // Copy an answer's text.
  function copied(button, ok) {
    var label = button.getAttribute('data-label') || button.textContent;
    button.setAttribute('data-label', label);
    button.textContent = ok ? 'Kopierat!' : 'Kunde inte kopiera';
    setTimeout(function () { button.textContent = label; }, 2000);
  }
  doc.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button.trygg-copy');
    if (!button) { return; }
    var text = button.getAttribute('data-text') || '';
    state.lastCopied = text;
    if (top.navigator.clipboard && top.isSecureContext) {
      top.navigator.clipboard.writeText(text).then(function () { copied(button, true); },
                                                   function () { copied(button, fallbackCopy(text)); });
    } else { copied(button, fallbackCopy(text)); }
  }, true);
  function fallbackCopy(text) {
    var area = doc.createElement('textarea');
    area.value = text; area.setAttribute('readonly', ''); area.style.position = 'fixed'; area.style.opacity = '0';
    doc.body.appendChild(area); area.select();
    var ok = false;
    try { ok = doc.execCommand('copy'); } catch (err) { ok = false; }
    doc.body.removeChild(area);
    return ok;
  }

  // Question length: a counter under the box; a paste that would pass the limit is refused.
  var counter = doc.createElement('div');
  counter.id = 'trygg-counter'; counter.className = 'trygg-own'; counter.style.display = 'none';
  counter.setAttribute('aria-live', 'polite');
  doc.body.appendChild(counter);
  var note = doc.createElement('div');
  note.id = 'trygg-paste-note'; note.className = 'trygg-own'; note.style.display = 'none'; note.setAttribute('role', 'alert');
  doc.body.appendChild(note);
  var noteTimer = null;
  function box() { return doc.querySelector('textarea[data-testid="stChatInputTextArea"]'); }
  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0'); }
  function place() {
    var area = box();
    if (!area) { counter.style.display = 'none'; note.style.display = 'none'; return; }
    var outer = area.closest('[data-testid="stChatInput"]') || area;
    var r = outer.getBoundingClientRect();
    var n = area.value.length, limit = state.limit;
    counter.textContent = fmt(n) + ' / ' + fmt(limit) + ' tecken' + (n > limit ? ' – frågan är för lång, korta den' : '');
    counter.classList.toggle('trygg-over', n > limit);
    counter.style.display = r.width ? 'block' : 'none';
    counter.style.top = (r.bottom + 2) + 'px';
    counter.style.left = '';
    counter.style.right = Math.max(0, top.innerWidth - r.right) + 'px';
    if (r.bottom + 24 > top.innerHeight) { counter.style.top = (r.top - 20) + 'px'; }
    note.style.left = r.left + 'px';
    note.style.top = Math.max(0, r.top - 64) + 'px';
  }
  doc.addEventListener('input', function (e) { if (e.target === box()) { place(); } }, true);
  doc.addEventListener('paste', function (e) {
    var area = box();
    if (e.target !== area) { return; }
    var pasted = (e.clipboardData || top.clipboardData).getData('text') || '';
    var kept = area.value.length - (area.selectionEnd - area.selectionStart);
    if (kept + pasted.length <= state.limit) { return; }
    e.preventDefault();
    note.textContent = 'Texten du klistrade in har ' + fmt(pasted.length) + ' tecken. En fråga får vara högst ' +
      fmt(state.limit) + ' tecken. Korta texten och klistra in den igen – den finns kvar i urklippet.';
    note.style.display = 'block';
    clearTimeout(noteTimer);
    noteTimer = setTimeout(function () { note.style.display = 'none'; }, 12000);
    place();
  }, true);
  setInterval(place, 400);
  top.addEventListener('resize', place);
})();
