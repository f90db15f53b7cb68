// Accessible mirror of the canvas. The static rendition (#doc) stays in the DOM,
// visually hidden once the canvas is ready; this keeps it in sync with what the canvas shows:
// aria-current on the card or matrix cell in focus, and announcements in the #live region.
// It only listens to the explorer:<name> events boot.js dispatches for every host call.
// page.js runs while the rendition may still be parsing: #doc's elements are looked up when asked
// for, and one asked for before the parse reached it is looked up again once the parse is done.
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live) return;
  var doc = function () { return document.getElementById('doc') || document.body; };

  var current = null;
  var lookUpAfterParse = null; // the element aria-current is for, not parsed yet
  var last = { view: null, card: '', tag: '', row: '', col: '' };
  var explorerAnnouncedAt = 0;

  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&');
  }

  // `find` gives the element (or null); one not parsed yet is looked up again after the parse.
  function setCurrentTo(find) {
    var el = find();
    lookUpAfterParse = !el && document.readyState === 'loading' ? find : null;
    setCurrent(el);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      if (lookUpAfterParse) setCurrent(lookUpAfterParse());
      lookUpAfterParse = null;
    });
  }

  function setCurrent(el) {
    if (el === current) return;
    if (current) current.removeAttribute('aria-current');
    current = el || null;
    if (current) current.setAttribute('aria-current', 'true');
  }

  // A card's article: the parent of its heading, whose id is the card's anchor.
  function cardEl(id) {
    var heading = id ? document.getElementById('card=' + id) : null;
    return heading && heading.parentElement && heading.parentElement.tagName === 'ARTICLE' ? heading.parentElement : null;
  }

  function cellEl(row, col) {
    if (!row || !col) return null;
    var tr = doc().querySelector('tr[data-adopter="' + cssEscape(row) + '"]');
    var th = doc().querySelector('th[data-domain="' + cssEscape(col) + '"]');
    if (!tr || !th) return null;
    return tr.children[th.cellIndex] || null;
  }

  // Same text twice must be announced twice: clear first, set on the next frame.
  function announce(text) {
    if (!text) return;
    live.textContent = '';
    requestAnimationFrame(function () { live.textContent = text; });
  }

  function titleOf(el) {
    var h = el && el.querySelector('h3, h2');
    return h ? h.textContent.replace(/^\d+\.\s*/, '').trim() : '';
  }

  function tagLabel(id) {
    var h = document.getElementById('tag=' + id);
    return h ? h.textContent.trim() : id;
  }

  function tagCount(id) {
    return doc().querySelectorAll('article a[href="#tag=' + cssEscape(id) + '"]').length;
  }

  window.addEventListener('explorer:announce', function () {
    // boot.js already wrote the text into #live; remember when, so ours do not talk over it.
    explorerAnnouncedAt = Date.now();
  });

  window.addEventListener('explorer:focus', function (e) {
    var d = e.detail || {};
    if (d.card) setCurrentTo(function () { return cardEl(d.card); });
    else if (d.row && d.col) setCurrentTo(function () { return cellEl(d.row, d.col); });
  });

  window.addEventListener('explorer:changed', function (e) {
    var s = e.detail || {};
    var view = s.view || 'cards';
    if (view === 'matrix') setCurrentTo(function () { return cellEl(s.row, s.col); });
    else setCurrentTo(function () { return cardEl(s.card); });

    var messages = [];
    if (last.view !== null && view !== last.view) {
      messages.push(view === 'matrix' ? 'Adopters matrix view' : 'Cards view');
    }
    if (view === 'cards' && (s.tag || '') !== last.tag && s.tag) {
      var n = tagCount(s.tag);
      messages.push(n + (n === 1 ? ' card' : ' cards') + ' tagged ' + tagLabel(s.tag));
    } else if (view === 'cards' && s.card && s.card !== last.card) {
      var t = titleOf(cardEl(s.card));
      if (t) messages.push('Opened ' + t);
    }
    last = { view: view, card: s.card || '', tag: s.tag || '', row: s.row || '', col: s.col || '' };
    if (!messages.length) return;
    // The explorer's own announcement (search and filter counts) of the same frame wins.
    var at = Date.now();
    setTimeout(function () {
      if (explorerAnnouncedAt >= at - 50) return;
      announce(messages.join('. '));
    }, 60);
  });

  window.rxA11y = { announce: announce };
})();
