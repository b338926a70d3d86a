/*
 * cxaudit page observation: ONE function expression, evaluated with
 *   page.evaluate(SNAPSHOT_JS, {maxElements, maxTextBlocks, maxText, maxBlockText, maxPageText, masks})
 * maxText cuts names, element texts and headings; a text block keeps its whole text up to maxBlockText, and
 * the page's text blocks together up to maxPageText (then truncated is set), so a sentence deep in a long
 * paragraph is recorded and the judges split it into sentences.
 * It returns the whole observation of the page (see cxaudit/recorder/snapshot.py for the shape).
 *
 * The same function also serves element.js: when opts.target is an Element, it returns the
 * ELEMENT record of that element (plus page_font_median and scroll_needed) instead of the
 * page observation. element.js is a thin wrapper that the Python loader completes with the
 * source of this file, so every helper exists exactly once.
 *
 * Extra options: json (return JSON text instead of an object: much faster to transfer), compact
 * (elements, text_blocks and form fields as {__keys, __rows}; snapshot.py unpacks them), profile
 * (adds profile_ms with phase timings), target (element mode, set by element.js).
 *
 * Rules for this file: no trailing semicolon after the function, no line comment after the last
 * brace (Playwright wraps the source in parentheses), and nothing may throw out of it.
 */
(opts) => {
  const O = Object.assign(
    { maxElements: 600, maxTextBlocks: 400, maxText: 300, maxBlockText: 4000, maxPageText: 60000, maxDialogText: 1000,
      masks: [] },
    opts || {}
  );
  const TARGET = O.target || null;
  const MASK = '\u2022\u2022\u2022\u2022\u2022\u2022';

  /* ---------------------------------------------------------------- basics */
  const r1 = (n) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : 0);
  const r2 = (n) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : 0);
  const norm = (s) => (s == null ? '' : String(s)).replace(/[\u200b\u00ad]/g, '').replace(/\s+/g, ' ').trim();
  /* secrets: [source, flags, kind] patterns from cxaudit/record/masking.py (Masker.script_masks), so the page
     and Python mask the same forms; the kinds masked are reported as `masked`, never the values */
  const maskRes = [];
  for (const m of O.masks || []) {
    try { maskRes.push([new RegExp(m[0], 'g' + (m[1] || '')), m[2] || 'text']); } catch (e) { /* Python masks it afterwards */ }
  }
  const maskedKinds = new Set();
  const redact = (s) => {
    if (!maskRes.length || typeof s !== 'string' || !s) return s;
    for (const [re, kind] of maskRes) {
      s = s.replace(re, () => { maskedKinds.add(kind); return MASK; });
    }
    return s;
  };
  /* normalise, redact (before cutting, so no secret survives half-cut), cut */
  const clip = (s, n) => {
    s = redact(norm(s));
    const m = n || O.maxText;
    return s.length > m ? s.slice(0, m) : s;
  };
  const lc = (el) => (el && el.localName ? el.localName.toLowerCase() : '');
  const attr = (el, a) => (el && el.getAttribute ? el.getAttribute(a) : null);

  /* The root document: the evaluation document for a page snapshot; for an element, the topmost
     same-origin document above it (so boxes are page coordinates even inside iframes). */
  let rootWin = window;
  if (TARGET) {
    try {
      let w = TARGET.ownerDocument.defaultView || window;
      while (w.frameElement && w.parent && w.parent !== w) w = w.parent;
      rootWin = w;
    } catch (e) { /* cross-origin parent: stay */ }
  }
  const rootDoc = rootWin.document;
  const VW = rootWin.innerWidth || rootDoc.documentElement.clientWidth || 0;
  const VH = rootWin.innerHeight || rootDoc.documentElement.clientHeight || 0;
  const SX = rootWin.scrollX || 0;
  const SY = rootWin.scrollY || 0;
  const DOCW = Math.max(rootDoc.documentElement.scrollWidth, rootDoc.body ? rootDoc.body.scrollWidth : 0, VW);
  const DOCH = Math.max(rootDoc.documentElement.scrollHeight, rootDoc.body ? rootDoc.body.scrollHeight : 0, VH);

  /* ---------------------------------------------------------------- caches & tree */
  const styleCache = new Map();
  const EMPTY_STYLE = { display: 'none', visibility: 'hidden', opacity: '0', position: 'static', cursor: 'auto',
    color: 'rgb(0, 0, 0)', backgroundColor: 'rgba(0, 0, 0, 0)', backgroundImage: 'none', fontSize: '16px',
    fontWeight: '400', overflowX: 'visible', overflowY: 'visible', clip: 'auto', clipPath: 'none',
    paddingLeft: '0', paddingTop: '0', paddingRight: '0', paddingBottom: '0' };
  /* computed style with each property read once (reading a computed property costs ~1 us) */
  const st = (el) => {
    let s = styleCache.get(el);
    if (!s) {
      let real;
      try { real = el.ownerDocument.defaultView.getComputedStyle(el); } catch (e) { real = EMPTY_STYLE; }
      s = new Proxy(Object.create(null), {
        get: (memo, p) => {
          let v = memo[p];
          if (v === undefined) {
            v = real[p];
            if (v === undefined || v === null) v = '';
            memo[p] = v;
          }
          return v;
        },
      });
      styleCache.set(el, s);
    }
    return s;
  };
  /* flat-tree parent: slot, shadow host, or (same-origin) iframe element */
  const up = (el) => {
    if (!el) return null;
    if (el.assignedSlot) return el.assignedSlot;
    if (el.parentElement) return el.parentElement;
    const p = el.parentNode;
    if (!p) return null;
    if (p.nodeType === 11) return p.host || null;
    if (p.nodeType === 9 && p !== rootDoc) {
      try { return (p.defaultView && p.defaultView.frameElement) || null; } catch (e) { return null; }
    }
    return null;
  };
  /* memoised "nearest ancestor-or-self" search: fn returns a value, or undefined to ask the parent */
  const chain = (fn, dflt) => {
    const memo = new Map();
    const f = (el) => {
      if (!el) return dflt;
      if (memo.has(el)) return memo.get(el);
      let v;
      try { v = fn(el); } catch (e) { v = undefined; }
      if (v === undefined) v = f(up(el));
      memo.set(el, v);
      return v;
    };
    return f;
  };
  const inSet = (set) => chain((el) => (set.has(el) ? true : undefined), false);

  /* ---------------------------------------------------------------- frames & geometry */
  const frameCache = new Map();
  const frameOf = (doc) => {
    if (!doc || doc === rootDoc) return null;
    if (frameCache.has(doc)) return frameCache.get(doc);
    let f = null;
    frameCache.set(doc, null);
    try {
      const fe = doc.defaultView && doc.defaultView.frameElement;
      if (fe) {
        const parent = frameOf(fe.ownerDocument);
        const r = fe.getBoundingClientRect();
        const s = st(fe);
        const pl = parseFloat(s.paddingLeft) || 0, pt = parseFloat(s.paddingTop) || 0;
        const pr = parseFloat(s.paddingRight) || 0, pb = parseFloat(s.paddingBottom) || 0;
        const x = (parent ? parent.x : 0) + r.left + fe.clientLeft + pl;
        const y = (parent ? parent.y : 0) + r.top + fe.clientTop + pt;
        let clipR = { x, y, w: Math.max(0, fe.clientWidth - pl - pr), h: Math.max(0, fe.clientHeight - pt - pb) };
        if (parent && parent.clip) clipR = inter(clipR, parent.clip);
        f = {
          x, y, clip: clipR, el: fe,
          label: attr(fe, 'name') || attr(fe, 'src') || (fe.hasAttribute('srcdoc') ? 'about:srcdoc' : 'about:blank'),
          hidden: (parent && parent.hidden) || rawHidden(fe),
        };
      }
    } catch (e) { f = null; }
    frameCache.set(doc, f);
    return f;
  };
  const inter = (a, b) => {
    const x = Math.max(a.x, b.x), y = Math.max(a.y, b.y);
    const x2 = Math.min(a.x + a.w, b.x + b.w), y2 = Math.min(a.y + a.h, b.y + b.h);
    return { x, y, w: Math.max(0, x2 - x), h: Math.max(0, y2 - y) };
  };
  /* rectangle in root-viewport coordinates; an empty inline wrapper takes the union of its children */
  const rectCache = new Map();
  const vrect = (el) => {
    let v = rectCache.get(el);
    if (v) return v;
    let r = el.getBoundingClientRect();
    let x = r.left, y = r.top, w = r.width, h = r.height;
    if ((w <= 0 || h <= 0) && el.children && el.children.length && el.children.length <= 20) {
      let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
      for (const c of el.children) {
        const cr = c.getBoundingClientRect();
        if (cr.width > 0 && cr.height > 0) {
          x1 = Math.min(x1, cr.left); y1 = Math.min(y1, cr.top);
          x2 = Math.max(x2, cr.right); y2 = Math.max(y2, cr.bottom);
        }
      }
      if (x1 < Infinity) { x = x1; y = y1; w = x2 - x1; h = y2 - y1; }
    }
    const f = frameOf(el.ownerDocument);
    if (f) { x += f.x; y += f.y; }
    v = { x, y, w, h };
    rectCache.set(el, v);
    return v;
  };
  const docBox = (r) => ({ x: r1(r.x + SX), y: r1(r.y + SY), width: r1(r.w), height: r1(r.h) });
  /* not rendered / visibility hidden / zero size / opacity 0 (self or ancestor, also the iframe) */
  const rawHidden = (el) => {
    const r = vrect(el);
    if (!(r.w > 0 && r.h > 0)) return true;
    if (el.checkVisibility) {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
    } else {
      const s = st(el);
      if (s.visibility !== 'visible' || s.opacity === '0') return true;
    }
    return false;
  };
  const hiddenCache = new Map();
  const isHidden = (el) => {
    if (hiddenCache.has(el)) return hiddenCache.get(el);
    let h = true;
    try {
      h = rawHidden(el);
      if (!h) { const f = frameOf(el.ownerDocument); if (f && f.hidden) h = true; }
    } catch (e) { h = true; }
    hiddenCache.set(el, h);
    return h;
  };
  const clipsOverflow = (s) => ({
    x: s.overflowX === 'hidden' || s.overflowX === 'clip',
    y: s.overflowY === 'hidden' || s.overflowY === 'clip',
    sx: s.overflowX === 'auto' || s.overflowX === 'scroll',
    sy: s.overflowY === 'auto' || s.overflowY === 'scroll',
  });
  /* the visually-hidden pattern: clip: rect(0 0 0 0) / clip-path: inset(50%) on a positioned box */
  const zeroClip = (s) => {
    if (s.position !== 'absolute' && s.position !== 'fixed') return false;
    if (s.clip && s.clip !== 'auto') {
      const n = (s.clip.match(/-?[\d.]+/g) || []).map(Number);
      if (n.length === 4 && Math.abs(n[2] - n[0]) <= 1 && Math.abs(n[1] - n[3]) <= 1) return true;
    }
    return !!(s.clipPath && /inset\(\s*50%/.test(s.clipPath));
  };
  /* clipping by overflow:hidden ancestors (containing-block aware), iframe viewports, clip/clip-path;
     also whether the element sits in a position:fixed context and how far inner scrollers are scrolled */
  const geomCache = new Map();
  const geom = (el) => {
    if (geomCache.has(el)) return geomCache.get(el);
    /* scroller: the outermost inner scroll container (its content is reachable by scrolling it) */
    const out = { clipped: false, fixed: false, innerX: 0, innerY: 0, scroller: null };
    try {
      const r = vrect(el);
      let vis = { x: r.x, y: r.y, w: r.w, h: r.h };
      let cur = el;
      let mode = st(el).position;
      let skipDoc = null;
      if (zeroClip(st(el))) out.clipped = true;
      if (mode === 'fixed') { out.fixed = true; skipDoc = el.ownerDocument; }
      for (let a = up(el); a; a = up(a)) {
        if (a.ownerDocument !== cur.ownerDocument) {
          /* crossed from an iframe document to its iframe element */
          const f = frameOf(cur.ownerDocument);
          if (f && f.clip) vis = inter(vis, f.clip);
          out.fixed = false;
          mode = st(a).position;
          skipDoc = mode === 'fixed' ? a.ownerDocument : null;
          if (mode === 'fixed') out.fixed = true;
          cur = a;
          continue;
        }
        cur = a;
        if (skipDoc === a.ownerDocument) continue;
        const s = st(a);
        const apos = s.position;
        if (mode === 'absolute' && apos === 'static' && s.transform === 'none') continue;
        const tag = lc(a);
        if (tag !== 'html' && tag !== 'body' && s.display !== 'inline') {
          if (zeroClip(s)) out.clipped = true;
          const o = clipsOverflow(s);
          if (o.x || o.y) {
            const ar = vrect(a);
            vis = inter(vis, {
              x: o.x ? ar.x : -1e9, y: o.y ? ar.y : -1e9,
              w: o.x ? ar.w : 2e9, h: o.y ? ar.h : 2e9,
            });
          }
          if (o.sx) out.innerX += a.scrollLeft || 0;
          if (o.sy) out.innerY += a.scrollTop || 0;
          if (o.sx || o.sy) out.scroller = vrect(a);
        }
        mode = apos;
        if (mode === 'fixed') { out.fixed = true; skipDoc = a.ownerDocument; }
      }
      if (!(vis.w > 0 && vis.h > 0) && r.w > 0 && r.h > 0) out.clipped = true;
    } catch (e) { /* keep defaults */ }
    geomCache.set(el, out);
    return out;
  };
  const offscreenOf = (el, r, g) => {
    if (g.clipped) return true;
    if (g.scroller) r = g.scroller;
    if (g.fixed) return r.x + r.w <= 0 || r.y + r.h <= 0 || r.x >= VW || r.y >= VH;
    const x = r.x + SX, y = r.y + SY;
    return x + r.w <= 0 || y + r.h <= 0 || x >= DOCW || y >= DOCH;
  };
  const inFirstViewport = (r, g) => {
    /* position at scroll 0 (page and inner scrollers) */
    const x = g.fixed ? r.x : r.x + SX + g.innerX;
    const y = g.fixed ? r.y : r.y + SY + g.innerY;
    return x < VW && x + r.w > 0 && y < VH && y + r.h > 0;
  };

  /* ---------------------------------------------------------------- colours */
  const colorCache = new Map();
  let canvasCtx = null;
  const parseColor = (c) => {
    if (colorCache.has(c)) return colorCache.get(c);
    let v = null;
    const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+)(%?))?\s*\)$/.exec(c || '');
    if (m) {
      let a = m[4] === undefined ? 1 : parseFloat(m[4]);
      if (m[5]) a /= 100;
      v = { r: +m[1], g: +m[2], b: +m[3], a };
    } else if (c) {
      try {
        if (!canvasCtx) {
          const cv = rootDoc.createElement('canvas');
          cv.width = 1; cv.height = 1;
          canvasCtx = cv.getContext('2d', { willReadFrequently: true });
        }
        canvasCtx.clearRect(0, 0, 1, 1);
        canvasCtx.fillStyle = 'rgba(0, 0, 0, 0)';
        canvasCtx.fillStyle = c;
        canvasCtx.fillRect(0, 0, 1, 1);
        const d = canvasCtx.getImageData(0, 0, 1, 1).data;
        v = { r: d[0], g: d[1], b: d[2], a: d[3] / 255 };
      } catch (e) { v = null; }
    }
    if (!v) v = { r: 0, g: 0, b: 0, a: 0 };
    colorCache.set(c, v);
    return v;
  };
  const WHITE = { r: 255, g: 255, b: 255, a: 1 };
  const blend = (fg, bg) => {
    const a = fg.a;
    if (a >= 1) return { r: fg.r, g: fg.g, b: fg.b, a: 1 };
    return { r: fg.r * a + bg.r * (1 - a), g: fg.g * a + bg.g * (1 - a), b: fg.b * a + bg.b * (1 - a), a: 1 };
  };
  const rgbStr = (c) => `rgb(${Math.round(c.r)}, ${Math.round(c.g)}, ${Math.round(c.b)})`;
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const contrastOf = (a, b) => {
    const l1 = lum(a), l2 = lum(b);
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  };
  const colorDiff = (a, b) => Math.max(Math.abs(a.r - b.r), Math.abs(a.g - b.g), Math.abs(a.b - b.b));
  /* own background: colour, else first colour of a gradient */
  const ownBg = (el) => {
    const s = st(el);
    let c = parseColor(s.backgroundColor);
    if (c.a === 0 && s.backgroundImage && s.backgroundImage.includes('gradient(')) {
      const m = /rgba?\([^)]*\)/.exec(s.backgroundImage);
      if (m) c = parseColor(m[0]);
    }
    return c;
  };
  const bgCache = new Map();
  const effBg = (el) => {
    if (!el) return WHITE;
    if (bgCache.has(el)) return bgCache.get(el);
    let v = WHITE;
    try {
      const own = ownBg(el);
      v = own.a >= 1 ? own : blend(own, effBg(up(el)));
    } catch (e) { v = WHITE; }
    bgCache.set(el, v);
    return v;
  };
  const opacityCache = new Map();
  const effOpacity = (el) => {
    if (!el) return 1;
    if (opacityCache.has(el)) return opacityCache.get(el);
    const o = (parseFloat(st(el).opacity) || 0) * effOpacity(up(el));
    opacityCache.set(el, o);
    return o;
  };
  const looksFilled = (el, depth) => {
    const parentBg = effBg(up(el));
    const s = st(el);
    const own = ownBg(el);
    if (own.a > 0 && colorDiff(blend(own, parentBg), parentBg) > 8) return true;
    if (s.backgroundImage && s.backgroundImage !== 'none' && !s.backgroundImage.includes('gradient(')
        && vrect(el).w > 0) return true;
    if (s.borderWidth !== '0px') for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      const w = parseFloat(s['border' + side + 'Width']) || 0;
      const bs = s['border' + side + 'Style'];
      if (w >= 1 && bs !== 'none' && bs !== 'hidden') {
        const bc = parseColor(s['border' + side + 'Color']);
        if (bc.a > 0 && colorDiff(blend(bc, parentBg), parentBg) > 8) return true;
      }
    }
    /* <a><div class="btn">…</div></a>: a single child that makes up most of the control */
    if (!depth && el.children && el.children.length === 1) {
      const c = el.children[0];
      const rc = vrect(c), re = vrect(el);
      if (rc.w * rc.h >= 0.7 * re.w * re.h && rc.w * rc.h > 0) return looksFilled(c, 1);
    }
    return false;
  };

  /* ---------------------------------------------------------------- roles & names */
  const INPUT_ROLE = { button: 'button', checkbox: 'checkbox', image: 'button', number: 'spinbutton', radio: 'radio',
    range: 'slider', reset: 'button', submit: 'button', file: 'button' };
  const TAG_ROLE = { article: 'article', aside: 'complementary', blockquote: 'blockquote', button: 'button',
    caption: 'caption', datalist: 'listbox', dd: 'definition', details: 'group', dialog: 'dialog', dt: 'term',
    fieldset: 'group', figure: 'figure', h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading',
    h6: 'heading', hr: 'separator', li: 'listitem', main: 'main', menu: 'list', nav: 'navigation', ol: 'list',
    optgroup: 'group', option: 'option', output: 'status', p: 'paragraph', progress: 'progressbar',
    search: 'search', summary: 'button', table: 'table', tbody: 'rowgroup', thead: 'rowgroup', tfoot: 'rowgroup',
    td: 'cell', th: 'columnheader', tr: 'row', textarea: 'textbox', ul: 'list', svg: 'img', meter: 'meter',
    div: 'generic', span: 'generic', label: 'generic', legend: 'generic', figcaption: 'generic', pre: 'generic',
    address: 'group' };
  const roleCache = new Map();
  const roleOf = (el) => {
    let r = roleCache.get(el);
    if (r === undefined) {
      try { r = roleOf0(el); } catch (e) { r = null; }
      roleCache.set(el, r);
    }
    return r;
  };
  const roleOf0 = (el) => {
    const explicit = (attr(el, 'role') || '').trim().toLowerCase().split(/\s+/)[0];
    if (explicit && explicit !== 'none' && explicit !== 'presentation' && explicit !== 'generic') return explicit;
    const tag = lc(el);
    let role = null;
    if (tag === 'a' || tag === 'area') role = el.hasAttribute('href') ? 'link' : 'generic';
    else if (tag === 'input') {
      const t = (el.type || '').toLowerCase();
      if (['email', 'search', 'tel', 'text', 'url', ''].includes(t)) {
        const listId = attr(el, 'list');
        const list = listId && el.getRootNode().getElementById ? el.getRootNode().getElementById(listId) : null;
        role = list && lc(list) === 'datalist' ? 'combobox' : t === 'search' ? 'searchbox' : 'textbox';
      } else if (t === 'hidden') role = null;
      else role = INPUT_ROLE[t] || 'textbox';
    } else if (tag === 'select') role = el.multiple || el.size > 1 ? 'listbox' : 'combobox';
    else if (tag === 'img') role = attr(el, 'alt') === '' && !attr(el, 'title') ? 'presentation' : 'img';
    else if (tag === 'header' || tag === 'footer') {
      let p = up(el), sectioning = false;
      for (; p; p = up(p)) {
        if (['article', 'aside', 'main', 'nav', 'section'].includes(lc(p))) { sectioning = true; break; }
      }
      role = sectioning ? 'generic' : tag === 'header' ? 'banner' : 'contentinfo';
    } else if (tag === 'section' || tag === 'form') {
      role = attr(el, 'aria-label') || attr(el, 'aria-labelledby') ? (tag === 'form' ? 'form' : 'region') : 'generic';
    } else if (el.isContentEditable && !(el.parentElement && el.parentElement.isContentEditable)) role = 'textbox';
    else if (TAG_ROLE[tag]) role = TAG_ROLE[tag];
    if (explicit === 'none' || explicit === 'presentation') {
      /* presentation is ignored on focusable elements */
      const focusable = role && ['link', 'button', 'textbox', 'checkbox', 'radio', 'combobox', 'listbox', 'searchbox']
        .includes(role);
      return focusable ? role : 'none';
    }
    return role || (tag.includes('-') ? 'generic' : null);
  };
  const NAME_FROM_CONTENT = new Set(['button', 'cell', 'checkbox', 'columnheader', 'gridcell', 'heading', 'link',
    'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'radio', 'row', 'rowheader', 'switch', 'tab',
    'tooltip', 'treeitem', 'generic', 'none', 'listitem', 'term', 'definition', 'paragraph', 'caption']);
  const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'datalist']);
  const byIdRefs = (el, ids) => {
    const root = el.getRootNode();
    const out = [];
    for (const id of (ids || '').split(/\s+/)) {
      if (!id) continue;
      const n = root.getElementById ? root.getElementById(id) : null;
      if (n) out.push(n);
    }
    return out;
  };
  const childNodesFlat = (node) => {
    if (node.shadowRoot) return node.shadowRoot.childNodes;
    if (lc(node) === 'slot') {
      const a = node.assignedNodes();
      if (a.length) return a;
    }
    return node.childNodes;
  };
  /* text alternative from content (accname 2F, compact): skips hidden nodes and, inside a
     label, the labelled control itself */
  const contentText = (node, skip, depth) => {
    let out = '';
    for (const c of childNodesFlat(node)) {
      if (c.nodeType === 3) { out += c.data; continue; }
      if (c.nodeType !== 1 || c === skip) continue;
      const tag = lc(c);
      if (SKIP_TAGS.has(tag)) continue;
      const s = st(c);
      if (s.display === 'none' || attr(c, 'aria-hidden') === 'true') continue;
      if (s.visibility !== 'visible' && !c.children.length) continue;
      const block = !s.display.startsWith('inline');
      let t;
      const al = norm(attr(c, 'aria-label'));
      if (al) t = al;
      else if (tag === 'img' || (tag === 'input' && c.type === 'image')) t = attr(c, 'alt') || '';
      else if (tag === 'input') {
        t = ['button', 'submit', 'reset'].includes(c.type) ? c.value : (['checkbox', 'radio'].includes(c.type) ? '' : c.value);
      } else if (tag === 'select') t = c.selectedOptions && c.selectedOptions[0] ? c.selectedOptions[0].text : '';
      else if (tag === 'textarea') t = c.value;
      else t = depth > 20 ? '' : contentText(c, skip, (depth || 0) + 1);
      out += block ? ' ' + t + ' ' : t;
    }
    return out;
  };
  const labelText = (el) => {
    try {
      if (el.labels && el.labels.length) {
        return norm(Array.from(el.labels).map((l) => norm(attr(l, 'aria-label')) || contentText(l, el)).join(' '));
      }
    } catch (e) { /* some elements have no .labels */ }
    return '';
  };
  const nameCache = new Map();
  const accName = (el, inRef) => {
    if (!inRef && nameCache.has(el)) return nameCache.get(el);
    let name = '';
    const tag = lc(el);
    const role = roleOf(el);
    if (!inRef) {
      const refs = byIdRefs(el, attr(el, 'aria-labelledby'));
      if (refs.length) name = norm(refs.map((r) => accName(r, true)).join(' '));
    }
    if (!name) name = norm(attr(el, 'aria-label'));
    if (!name) {
      if (tag === 'input' || tag === 'select' || tag === 'textarea') {
        const t = (el.type || '').toLowerCase();
        if (tag === 'input' && ['button', 'submit', 'reset'].includes(t)) {
          name = norm(el.value) || (t === 'submit' ? 'Submit' : t === 'reset' ? 'Reset' : '');
        } else if (tag === 'input' && t === 'image') {
          name = norm(attr(el, 'alt')) || norm(el.value) || norm(attr(el, 'title')) || 'Submit';
        } else {
          name = labelText(el);
          if (!name) {
            const usePh = (tag === 'input' && ['text', 'password', 'search', 'tel', 'email', 'url', ''].includes(t))
              || tag === 'textarea';
            name = norm(attr(el, 'title')) || (usePh ? norm(attr(el, 'placeholder')) : '');
          }
        }
      } else if (tag === 'img' || tag === 'area') name = norm(attr(el, 'alt'));
      else if (tag === 'fieldset') {
        const lg = Array.from(el.children).find((c) => lc(c) === 'legend');
        if (lg) name = norm(contentText(lg));
      } else if (tag === 'table') {
        const cap = Array.from(el.children).find((c) => lc(c) === 'caption');
        if (cap) name = norm(contentText(cap));
      } else if (tag === 'figure') {
        const cap = Array.from(el.children).find((c) => lc(c) === 'figcaption');
        if (cap) name = norm(contentText(cap));
      }
    }
    if (!name && (inRef || NAME_FROM_CONTENT.has(role) || role === null || INTERACTIVE_ROLE.has(role))
        && !['textbox', 'searchbox', 'combobox', 'listbox', 'slider', 'spinbutton'].includes(role)) {
      name = norm(contentText(el));
    }
    if (!name && tag !== 'input') name = norm(attr(el, 'title'));
    if (!inRef) nameCache.set(el, name);
    return name;
  };

  /* ---------------------------------------------------------------- element classification */
  const INTERACTIVE_ROLE = new Set(['button', 'link', 'checkbox', 'radio', 'tab', 'menuitem', 'menuitemcheckbox',
    'menuitemradio', 'option', 'switch', 'combobox', 'textbox', 'searchbox', 'slider', 'spinbutton', 'treeitem']);
  const SEL = 'a[href],area[href],button,input:not([type=hidden]),select,textarea,summary,'
    + '[contenteditable]:not([contenteditable=false]),[onclick],' + Array.from(INTERACTIVE_ROLE)
    .map((r) => `[role=${r}]`).join(',');
  const isInteractive = (el) => {
    if (el.matches(SEL)) return true;
    const ti = attr(el, 'tabindex');
    return ti !== null && parseInt(ti, 10) >= 0;
  };
  const isClickableLeaf = (el, s) => {
    if (s.cursor !== 'pointer') return false;
    const tag = lc(el);
    if (tag === 'html' || tag === 'body') return false;
    const p = up(el);
    if (p && st(p).cursor === 'pointer') return false;
    return !el.querySelector(SEL);
  };
  const FIELD_TAGS = new Set(['input', 'select', 'textarea']);
  const isField = (el) => FIELD_TAGS.has(lc(el))
    && !(lc(el) === 'input' && ['hidden', 'submit', 'button', 'reset', 'image'].includes((el.type || '').toLowerCase()));
  const isFooterEl = (el) => lc(el) === 'footer' || attr(el, 'role') === 'contentinfo';
  const inFooter = chain((el) => (isFooterEl(el) ? true : undefined), false);
  const isLinkEl = (el) => (lc(el) === 'a' && el.hasAttribute('href')) || attr(el, 'role') === 'link';
  const dialogSet = new Set();
  const inDialog = inSet(dialogSet);
  const LANDMARK_ROLE = { banner: 'header', navigation: 'nav', main: 'main', contentinfo: 'footer',
    complementary: 'aside', dialog: 'dialog', alertdialog: 'dialog' };
  const landmarkOf = chain((el) => {
    if (dialogSet.has(el)) return 'dialog';
    const r = attr(el, 'role');
    if (r && LANDMARK_ROLE[r]) return LANDMARK_ROLE[r];
    const tag = lc(el);
    if (['header', 'nav', 'main', 'footer', 'aside'].includes(tag)) return tag;
    if (tag === 'dialog') return 'dialog';
    return undefined;
  }, null);
  const NAVLIKE = (el) => ['nav', 'footer'].includes(lc(el)) || ['navigation', 'contentinfo'].includes(attr(el, 'role'));
  const LISTLIKE = (el) => ['ul', 'ol', 'menu', 'dl'].includes(lc(el))
    || ['list', 'menu', 'menubar', 'tablist', 'listbox'].includes(attr(el, 'role'));
  const linkCountCache = new Map();
  const visibleLinks = (container) => {
    if (linkCountCache.has(container)) return linkCountCache.get(container);
    let n = 0;
    try {
      for (const a of container.querySelectorAll('a[href],[role=link]')) if (!isHidden(a)) n++;
    } catch (e) { n = 0; }
    linkCountCache.set(container, n);
    return n;
  };
  /* links in the nearest nav/footer landmark around the element, else the nearest list, else the parent */
  const navAbove = chain((el) => (NAVLIKE(el) ? el : undefined), null);
  const listAbove = chain((el) => (LISTLIKE(el) ? el : undefined), null);
  const siblingLinks = (el) => {
    const p = up(el);
    const c = navAbove(p) || listAbove(p) || el.parentElement;
    return c ? visibleLinks(c) : 0;
  };
  /* The decision containers around an element, nearest first: "<kind>@<key>", kind one of dialog, form, group,
     menu, search, region, card, header, nav, footer, aside, main; key a hash of the container's tree path, so
     the page snapshot and element.js (run again right before a click) name the same container alike.
     A card is a block that sets itself apart (its own fill or border), smaller than the page's width. */
  const GROUP_ROLE = { dialog: 'dialog', alertdialog: 'dialog', form: 'form', search: 'search', group: 'group',
    radiogroup: 'group', toolbar: 'group', menu: 'menu', menubar: 'menu', listbox: 'menu', tablist: 'menu',
    banner: 'header', navigation: 'nav', contentinfo: 'footer', complementary: 'aside', main: 'main',
    region: 'region', article: 'card' };
  const GROUP_TAG = { dialog: 'dialog', form: 'form', fieldset: 'group', details: 'group', header: 'header',
    nav: 'nav', footer: 'footer', aside: 'aside', main: 'main', article: 'card' };
  /* aria-current marks "the current item within a set of related elements" (WAI-ARIA): the set is navigation.
     Any value but "false" (or none) marks it; the mark may sit on a list item or on the link inside it. */
  const markedCurrent = (c) => {
    const ac = (attr(c, 'aria-current') || '').trim().toLowerCase();
    return !!ac && ac !== 'false';
  };
  const LIST_TAGS = new Set(['ul', 'ol', 'div']);
  const hasCurrentItem = (el) => Array.from(el.children).some(
    (c) => markedCurrent(c) || (lc(c) === 'li' && Array.from(c.children).some(markedCurrent)));
  const groupKind = (el) => {
    if (dialogSet.has(el)) return 'dialog';
    const r = attr(el, 'role');
    if (r && GROUP_ROLE[r]) return GROUP_ROLE[r];
    const tag = lc(el);
    if (GROUP_TAG[tag]) return GROUP_TAG[tag];
    if (tag === 'body' || tag === 'html' || isInteractive(el)) return null;
    if (LIST_TAGS.has(tag) && hasCurrentItem(el)) return 'nav';  // a set with a current item: tabs, a stepper
    const d = st(el).display;
    if (!d || d.startsWith('inline') || d === 'contents' || d === 'none') return null;
    const b = vrect(el);
    if (b.w < 120 || b.h < 48 || b.w >= 0.9 * VW) return null;
    return looksFilled(el, 1) ? 'card' : null;
  };
  const pathOf = chain((el) => {
    const p = up(el);
    if (!p) return lc(el);
    let i = 0;
    for (let c = el.previousElementSibling; c; c = c.previousElementSibling) i++;
    return pathOf(p) + '/' + lc(el) + i;
  }, '');
  const hash = (s) => {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); }
    return (h >>> 0).toString(36);
  };
  const kindCache = new Map();
  const kindOf = (el) => {
    if (!kindCache.has(el)) { let k = null; try { k = groupKind(el); } catch (e) { k = null; } kindCache.set(el, k); }
    return kindCache.get(el);
  };
  const containerOf = chain((el) => (kindOf(el) ? el : undefined), null);
  const groupsOf = (el) => {
    const out = [];
    for (let c = containerOf(up(el)); c && out.length < 8; c = containerOf(up(c))) {
      out.push(`${kindOf(c)}@${hash(pathOf(c))}`);
    }
    return out;
  };
  /* the element whose style the visible text has: the parent of the first non-blank text node */
  const textCarrier = (el) => {
    for (const c of el.childNodes) if (c.nodeType === 3 && /\S/.test(c.data)) return el;
    try {
      const w = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
      for (let n = w.nextNode(), i = 0; n && i < 200; n = w.nextNode(), i++) {
        if (/\S/.test(n.data) && n.parentElement && !SKIP_TAGS.has(lc(n.parentElement))
            && st(n.parentElement).display !== 'none') return n.parentElement;
      }
    } catch (e) { /* fall through */ }
    return el;
  };
  const checkedOf = (el) => {
    const tag = lc(el);
    if (tag === 'input' && (el.type === 'checkbox' || el.type === 'radio')) return !!el.checked;
    const ac = attr(el, 'aria-checked');
    if (ac === 'true') return true;
    if (ac === 'false') return false;
    if (ac === 'mixed') return 'mixed';
    return null;
  };
  const inertAbove = chain((el) => (attr(el, 'aria-disabled') === 'true' || el.hasAttribute('inert') ? true : undefined),
    false);
  const isDisabled = (el) => {
    try { if (el.matches(':disabled')) return true; } catch (e) { /* not a form control */ }
    return inertAbove(el);
  };

  /* where the visitor is: marked current (markedCurrent), itself or by its list item, or the selected tab */
  const currentOf = (el) => {
    if (markedCurrent(el) || (roleOf(el) === 'tab' && attr(el, 'aria-selected') === 'true')) return true;
    const p = up(el);
    return !!p && lc(p) === 'li' && markedCurrent(p);
  };

  const describe = (el) => {
    const tag = lc(el);
    const r = vrect(el);
    const g = geom(el);
    const hidden = isHidden(el);
    const carrier = textCarrier(el);
    const cs = st(carrier);
    const bg = effBg(carrier);
    const fgRaw = parseColor(cs.color);
    const fg = blend({ r: fgRaw.r, g: fgRaw.g, b: fgRaw.b, a: fgRaw.a * effOpacity(carrier) }, bg);
    const type = tag === 'input' ? (el.type || 'text').toLowerCase() : tag === 'button' ? (el.type || 'submit') : '';
    const f = frameOf(el.ownerDocument);
    let text = '';
    if (!FIELD_TAGS.has(tag)) text = clip(hidden ? el.textContent : (el.innerText || el.textContent));
    else if (tag === 'input' && ['button', 'submit', 'reset'].includes(type)) text = clip(el.value);
    let href = '';
    if ((tag === 'a' || tag === 'area') && el.hasAttribute('href')) href = redact(el.href || attr(el, 'href'));
    const offscreen = !hidden && offscreenOf(el, r, g);
    let fontWeight = parseInt(cs.fontWeight, 10);
    if (!Number.isFinite(fontWeight)) fontWeight = cs.fontWeight === 'bold' ? 700 : 400;
    return {
      role: roleOf(el),
      name: clip(accName(el)),
      tag,
      type,
      text,
      href,
      box: docBox(r),
      font_size: r1(parseFloat(cs.fontSize) || 0),
      font_weight: fontWeight,
      color: rgbStr(fgRaw),
      background: rgbStr(bg),
      contrast: r2(contrastOf(fg, bg)),
      filled: looksFilled(el, 0),
      area: r1(r.w * r.h),
      disabled: isDisabled(el),
      required: !!el.required || attr(el, 'aria-required') === 'true',
      checked: checkedOf(el),
      hidden,
      offscreen,
      in_first_viewport: !hidden && !offscreen && inFirstViewport(r, g),
      in_dialog: inDialog(el),
      in_footer: inFooter(el),
      landmark: landmarkOf(el),
      sibling_links: siblingLinks(el),
      groups: groupsOf(el),
      frame: f ? redact(f.label) : null,
      shadow: el.getRootNode().nodeType === 11,
      ...(currentOf(el) ? { current: true } : {}),
    };
  };

  /* ---------------------------------------------------------------- the walk */
  const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'label', 'legend', 'dt', 'dd',
    'blockquote', 'figcaption', 'caption', 'pre', 'address', 'summary']);
  const NO_TEXT_TAGS = new Set(['select', 'textarea', 'option', 'optgroup']);
  const SPACED_TAGS = new Set(['a', 'button', 'label', 'input', 'select', 'textarea', 'img', 'br', 'td', 'th']);
  const SPACE = {};
  const candidates = [];
  const blocks = [];
  const headingEls = [];
  const explicitDialogs = [];
  const overlays = [];
  const iframeEls = [];
  const alertEls = [];
  const errorEls = [];
  const vpArea = Math.max(1, VW * VH);
  const coverage = (r) => { const i = inter(r, { x: 0, y: 0, w: VW, h: VH }); return (i.w * i.h) / vpArea; };
  const ERROR_RE = /(^|[\s_-])(error|errors|invalid|danger|err|fehler)([\s_-]|$)/i;

  /* visibility:hidden / opacity:0 (also inherited from ancestors) is checked natively, once per
     element that holds text */
  const textVisCache = new Map();
  const textVisible = (el) => {
    if (!el) return false;
    let v = textVisCache.get(el);
    if (v === undefined) {
      try {
        v = el.checkVisibility ? el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
          : st(el).visibility === 'visible';
      } catch (e) { v = false; }
      textVisCache.set(el, v);
    }
    return v;
  };
  let blocksWithText = 0;
  let textCutoff = Infinity;
  const walk = (startDoc) => {
    const start = startDoc.documentElement;
    if (!start) return;
    /* ctx: {block: the text block collecting text, textOff: no text below (display none, form
       control, visually hidden), hidden: display none above} */
    const stack = [[start, { block: null, textOff: false, hidden: false }]];
    let guard = 0;
    while (stack.length) {
      if (++guard > 200000) break;
      const [node, ctx] = stack.pop();
      if (node === SPACE) { ctx.block.parts.push(' '); continue; }
      if (node.nodeType === 3) {
        const b = ctx.block;
        const t = node.data;
        if (b && !ctx.textOff && b.idx < textCutoff && /\S/.test(t) && textVisible(node.parentElement)) {
          if (!b.hasText && (b.hasText = true) && ++blocksWithText > O.maxTextBlocks && textCutoff === Infinity) {
            /* enough blocks: later ones cannot make it into the output, stop collecting their text */
            textCutoff = blocks.length;
          }
          b.parts.push(t);
          const n = t.trim().length;
          if (n > b.best) { b.best = n; b.carrier = node.parentElement || b.el; }
        }
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node;
      const tag = lc(el);
      if (SKIP_TAGS.has(tag) || tag === 'svg' || tag === 'math') continue;
      let nctx = ctx;
      let spaceAfter = null;
      try {
        const s = st(el);
        const disp = s.display;
        const gone = ctx.hidden || disp === 'none';
        /* inline boxes cannot be fixed/sticky/absolute (those get blockified): skip the read */
        const inline = disp.startsWith('inline');
        const role = attr(el, 'role');
        if (TARGET === null) {
          if (isInteractive(el) || (!gone && isClickableLeaf(el, s))) candidates.push(el);
          if (/^h[1-6]$/.test(tag) || role === 'heading') headingEls.push(el);
          if (tag === 'iframe' || tag === 'frame') iframeEls.push(el);
          const live = attr(el, 'aria-live');
          if (role === 'alert' || role === 'status' || (live && live !== 'off')) alertEls.push(el);
          else if (!gone && (ERROR_RE.test(typeof el.className === 'string' ? el.className : '')
                   || ERROR_RE.test(el.id || ''))) errorEls.push(el);
        }
        if (!gone) {
          if (role === 'dialog' || role === 'alertdialog' || (tag === 'dialog' && el.open)
              || attr(el, 'aria-modal') === 'true') explicitDialogs.push(el);
          else if (!inline && (s.position === 'fixed' || s.position === 'sticky') && coverage(vrect(el)) >= 0.25) {
            overlays.push(el);
          }
        }
        let textOff = gone || NO_TEXT_TAGS.has(tag);
        if (!textOff && !inline && zeroClip(s)) textOff = true;
        let block = ctx.block;
        if (!gone && disp !== 'contents' && (BLOCK_TAGS.has(tag) || !inline)) {
          block = { el, parts: [], best: 0, carrier: null, idx: blocks.length, hasText: false };
          blocks.push(block);
        } else if (block && !gone && (disp !== 'inline' || SPACED_TAGS.has(tag))) {
          /* separate words of adjacent links/buttons/inline-blocks, as their margins do on screen */
          block.parts.push(' ');
          spaceAfter = block;
          if (tag === 'img' && textVisible(el)) { const alt = attr(el, 'alt'); if (alt) block.parts.push(alt + ' '); }
        }
        if (gone !== ctx.hidden || textOff !== ctx.textOff || block !== ctx.block) {
          nctx = { block, textOff, hidden: gone };
        }
      } catch (e) { /* keep walking */ }
      let kids = null;
      if (tag === 'iframe' || tag === 'frame') {
        try {
          const d = el.contentDocument;
          if (d && d.documentElement) kids = [d.documentElement];
          if (kids) nctx = { block: null, textOff: nctx.textOff, hidden: nctx.hidden };
        } catch (e) { kids = null; }
      } else {
        try { kids = childNodesFlat(el); } catch (e) { kids = el.childNodes; }
      }
      if (spaceAfter) stack.push([SPACE, { block: spaceAfter, textOff: false, hidden: false }]);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], nctx]);
    }
  };

  /* ---------------------------------------------------------------- dialogs */
  const deepHit = (x, y) => {
    let doc = rootDoc, ox = 0, oy = 0, hit = null;
    for (let i = 0; i < 8; i++) {
      let h = doc.elementFromPoint(x - ox, y - oy);
      if (!h) break;
      for (let j = 0; j < 20 && h.shadowRoot; j++) {
        const h2 = h.shadowRoot.elementFromPoint(x - ox, y - oy);
        if (!h2 || h2 === h) break;
        h = h2;
      }
      hit = h;
      if (lc(h) === 'iframe' || lc(h) === 'frame') {
        try {
          const d = h.contentDocument;
          const f = d && frameOf(d);
          if (f) { doc = d; ox = f.x; oy = f.y; continue; }
        } catch (e) { /* cross-origin */ }
      }
      break;
    }
    return hit;
  };
  const SAMPLE_POINTS = [[0.5, 0.5], [0.15, 0.2], [0.85, 0.2], [0.5, 0.9]];
  const buildDialogs = () => {
    const outermost = (list) => {
      const set = new Set(list);
      return list.filter((el) => { for (let a = up(el); a; a = up(a)) if (set.has(a)) return false; return true; });
    };
    const explicit = outermost(explicitDialogs.filter((el) => !isHidden(el)));
    const ovs = outermost(overlays.filter((el) => !isHidden(el)));
    const entries = explicit.map((el) => ({ el, parts: [el] }));
    const contains = (a, b) => { for (let x = b; x; x = up(x)) if (x === a) return true; return false; };
    for (const o of ovs) {
      const e = entries.find((d) => contains(o, d.el) || contains(d.el, o));
      if (e) e.parts.push(o);
      else entries.push({ el: o, parts: [o] });
    }
    for (const e of entries) for (const p of e.parts) dialogSet.add(p);
    return entries;
  };
  const describeDialogs = (entries) => {
    const hits = SAMPLE_POINTS.map(([fx, fy]) => { try { return deepHit(VW * fx, VH * fy); } catch (e) { return null; } });
    return entries.map(({ el, parts }) => {
      const r = vrect(el);
      let modalPseudo = false;
      try { modalPseudo = el.matches(':modal'); } catch (e) { modalPseudo = false; }
      const partSet = new Set(parts);
      const within = (h) => { for (let x = h; x; x = up(x)) if (partSet.has(x)) return true; return false; };
      const blocks = modalPseudo || hits.every((h) => h && within(h));
      const covers = modalPseudo ? 1 : Math.max(...parts.map((p) => coverage(vrect(p))));
      let name = accName(el);
      if (!name) {
        const h = el.querySelector('h1,h2,h3,h4,h5,h6,[role=heading]');
        if (h) name = norm(h.innerText || h.textContent);
      }
      const explicitRole = attr(el, 'role');
      return {
        role: explicitRole || (lc(el) === 'dialog' ? 'dialog' : roleOf(el)),
        name: clip(name),
        text: clip(el.innerText || el.textContent, O.maxDialogText),
        modal: modalPseudo || attr(el, 'aria-modal') === 'true' || blocks,
        box: docBox(r),
        covers: r2(Math.min(1, covers)),
        blocks_pointer: blocks,
      };
    });
  };

  /* ---------------------------------------------------------------- text blocks */
  const finishBlocks = (limit) => {
    const out = [];
    let truncated = false;
    let budget = O.maxPageText;
    for (const b of blocks) {
      if (!b.parts.length) continue;
      const full = norm(b.parts.join(''));
      if (!full) continue;
      if (out.length >= limit || budget <= 0) { truncated = true; break; }
      try {
        const carrier = b.carrier || b.el;
        const cs = st(carrier);
        const r = vrect(b.el);
        if (r.x + SX + r.w < 0 || r.y + SY + r.h < 0) continue; /* parked off-page */
        let fw = parseInt(cs.fontWeight, 10);
        if (!Number.isFinite(fw)) fw = 400;
        const text = clip(full, Math.max(1, Math.min(O.maxBlockText, budget)));
        budget -= text.length;
        out.push({
          text,
          tag: lc(b.el),
          role: roleOf(b.el),
          box: docBox(r),
          font_size: r1(parseFloat(cs.fontSize) || 0),
          font_weight: fw,
          color: rgbStr(parseColor(cs.color)),
          in_dialog: inDialog(b.el),
          frame: (() => { const f = frameOf(b.el.ownerDocument); return f ? redact(f.label) : null; })(),
          _len: full.length,
        });
        if (TARGET) { /* element mode: the page's text contrast, for the acted-on control's to be weighed against */
          const c = parseColor(cs.color);
          const bg = effBg(carrier);
          out[out.length - 1]._contrast = contrastOf(blend({ r: c.r, g: c.g, b: c.b, a: c.a * effOpacity(carrier) }, bg), bg);
        }
      } catch (e) { /* skip block */ }
    }
    return { out, truncated };
  };
  /* the length-weighted median of a text block figure (font_size, or _contrast in element mode) */
  const fontMedian = (tbs, key) => {
    const k = key || 'font_size';
    const arr = tbs.filter((t) => t[k] > 0).map((t) => [t[k], t._len]).sort((a, b) => a[0] - b[0]);
    const total = arr.reduce((s, a) => s + a[1], 0);
    let acc = 0;
    for (const [size, n] of arr) { acc += n; if (acc * 2 >= total) return size; }
    return 0;
  };

  /* ---------------------------------------------------------------- forms */
  const fieldLabel = (el) => {
    const refs = byIdRefs(el, attr(el, 'aria-labelledby'));
    let l = refs.length ? norm(refs.map((r) => accName(r, true)).join(' ')) : '';
    if (!l) l = norm(attr(el, 'aria-label'));
    if (!l) l = labelText(el);
    if (!l && (el.type === 'radio' || el.type === 'checkbox')) l = groupLabel(el);
    return l;
  };
  const groupLabel = (el) => {
    for (let a = up(el); a; a = up(a)) {
      if (lc(a) === 'form' || lc(a) === 'body') break;
      const r = attr(a, 'role');
      if (lc(a) === 'fieldset' || r === 'radiogroup' || r === 'group') {
        const n = accName(a);
        if (n) return n;
      }
    }
    return '';
  };
  const validationText = (el) => {
    if (el.validationMessage) return el.validationMessage;
    const refs = byIdRefs(el, (attr(el, 'aria-errormessage') || '') + ' ' + (attr(el, 'aria-describedby') || ''));
    return norm(refs.filter((r) => !isHidden(r)).map((r) => r.innerText || r.textContent).join(' '));
  };
  const describeField = (el, ref) => {
    const tag = lc(el);
    const type = tag === 'input' ? (el.type || 'text').toLowerCase() : tag;
    let userInvalid = false;
    try { userInvalid = el.matches(':user-invalid'); } catch (e) {
      try { userInvalid = el.matches(':invalid') && el.value !== el.defaultValue; } catch (e2) { userInvalid = false; }
    }
    const invalid = userInvalid || attr(el, 'aria-invalid') === 'true';
    let value = tag === 'select' ? el.value : el.value || '';
    if (type === 'password' && value) value = MASK;
    return {
      ref,
      label: clip(fieldLabel(el)),
      group: clip(el.type === 'radio' || el.type === 'checkbox' ? groupLabel(el) : ''),
      name: redact(attr(el, 'name') || ''),
      id: el.id || '',
      type,
      autocomplete: attr(el, 'autocomplete') || '',
      required: !!el.required || attr(el, 'aria-required') === 'true',
      placeholder: clip(attr(el, 'placeholder') || ''),
      value: clip(value, 1000),
      checked: type === 'checkbox' || type === 'radio' ? !!el.checked : null,
      options: tag === 'select' ? Array.from(el.options).slice(0, 200).map((o) => clip(o.text || o.label)) : null,
      invalid,
      validation_message: invalid ? clip(validationText(el)) : '',
      disabled: isDisabled(el),
      hidden: isHidden(el),
      box: docBox(vrect(el)),
    };
  };

  /* ---------------------------------------------------------------- final redaction pass */
  const redactDeep = (v) => {
    if (!maskRes.length) return v;
    if (typeof v === 'string') return redact(v);
    if (Array.isArray(v)) return v.map(redactDeep);
    if (v && typeof v === 'object') {
      const o = {};
      for (const k of Object.keys(v)) o[k] = redactDeep(v[k]);
      return o;
    }
    return v;
  };

  /* ================================================================ element mode */
  if (TARGET) {
    try {
      walk(rootDoc);
      buildDialogs();
      const { out } = finishBlocks(100000);
      const info = describe(TARGET);
      info.ref = null;
      info.page_font_median = fontMedian(out);
      info.scroll_needed = !info.in_first_viewport;
      info.page_contrast_median = r2(fontMedian(out, '_contrast'));
      return redactDeep(info);
    } catch (e) {
      return { error: String((e && e.message) || e) };
    }
  }

  /* ================================================================ page mode */
  const obs = {
    url: '', title: '', lang: '', viewport: { width: VW, height: VH }, scroll: { x: r1(SX), y: r1(SY) },
    document: { width: DOCW, height: DOCH }, view_key: '', text_blocks: [], headings: [], elements: [],
    forms: [], dialogs: [], iframes: [], alerts: [], counts: { links: 0, buttons: 0, fields: 0, elements_total: 0 },
    truncated: false,
  };
  const T0 = performance.now();
  const marks = {};
  const mark = (k) => { marks[k] = Math.round((performance.now() - T0) * 10) / 10; };
  try {
    obs.url = String(rootWin.location.href);
    obs.title = clip(rootDoc.title, 500);
    obs.lang = attr(rootDoc.documentElement, 'lang') || '';
    walk(rootDoc);
    mark('walk');
    const dialogEntries = buildDialogs();
    obs.dialogs = describeDialogs(dialogEntries);
    mark('dialogs');

    const tb = finishBlocks(O.maxTextBlocks);
    obs.text_blocks = tb.out.map((t) => { delete t._len; return t; });
    obs.truncated = tb.truncated;
    mark('text');

    for (const h of headingEls) {
      try {
        if (isHidden(h)) continue;
        const lvl = /^h([1-6])$/.exec(lc(h));
        obs.headings.push({ level: lvl ? +lvl[1] : parseInt(attr(h, 'aria-level'), 10) || 2,
          text: clip(h.innerText || h.textContent) });
      } catch (e) { /* skip */ }
    }

    /* elements: keep document order; when over the limit, drop hidden ones first */
    let chosen = candidates;
    obs.counts.elements_total = candidates.length;
    for (const el of candidates) {
      try {
        const role = roleOf(el);
        if (role === 'link') obs.counts.links++;
        else if (role === 'button') obs.counts.buttons++;
        if (isField(el)) obs.counts.fields++;
      } catch (e) { /* skip */ }
    }
    if (candidates.length > O.maxElements) {
      obs.truncated = true;
      const keep = new Set();
      for (const el of candidates) {
        if (keep.size >= O.maxElements) break;
        if (!isHidden(el)) keep.add(el);
      }
      let room = O.maxElements - keep.size;
      for (const el of candidates) {
        if (room <= 0) break;
        if (!keep.has(el)) { keep.add(el); room--; }
      }
      chosen = candidates.filter((el) => keep.has(el));
    }
    const refOf = new Map();
    for (const el of chosen) {
      try {
        const d = describe(el);
        const ref = 'e' + obs.elements.length;
        refOf.set(el, ref);
        obs.elements.push(Object.assign({ ref }, d));
      } catch (e) { /* skip element */ }
    }

    mark('elements');
    /* forms */
    const formMap = new Map();
    let loose = null;
    let nForms = 0;
    for (const el of candidates) {
      if (!isField(el)) continue;
      try {
        const form = el.form || null;
        let entry;
        if (form) {
          entry = formMap.get(form);
          if (!entry) {
            entry = { ref: 'f' + nForms++, id: form.id || '', name: attr(form, 'name') || '',
              action: redact(attr(form, 'action') === null ? '' : form.action || ''),
              method: (attr(form, 'method') || 'get').toLowerCase(), fields: [] };
            formMap.set(form, entry);
            obs.forms.push(entry);
          }
        } else {
          if (!loose) { loose = { ref: null, id: '', name: '', action: '', method: '', fields: [] }; }
          entry = loose;
        }
        if (entry.fields.length < O.maxElements) entry.fields.push(describeField(el, refOf.get(el) || null));
      } catch (e) { /* skip field */ }
    }
    if (loose) obs.forms.push(loose);

    for (const f of iframeEls) {
      try {
        let same = false;
        try { same = !!(f.contentDocument && f.contentDocument.documentElement); } catch (e) { same = false; }
        obs.iframes.push({ name: attr(f, 'name') || '', title: attr(f, 'title') || '',
          src: redact(attr(f, 'src') ? f.src : (f.hasAttribute('srcdoc') ? 'about:srcdoc' : '')),
          box: docBox(vrect(f)), same_origin: same });
      } catch (e) { /* skip */ }
    }

    /* alerts: live regions with visible text, then error-looking messages (outermost only) */
    const seen = new Set();
    const pushAlert = (el, role) => {
      for (let a = up(el); a; a = up(a)) if (seen.has(a)) return;
      if (isHidden(el)) return;
      const text = clip(el.innerText || el.textContent);
      if (!text) return;
      seen.add(el);
      obs.alerts.push({ text, role });
    };
    for (const el of alertEls) {
      try { pushAlert(el, attr(el, 'role') || roleOf(el) || 'live:' + attr(el, 'aria-live')); } catch (e) { /* skip */ }
    }
    for (const el of errorEls) {
      try {
        if (el.querySelector('input,select,textarea,form')) continue;
        if (norm(el.textContent).length > 300) continue;
        pushAlert(el, 'error');
      } catch (e) { /* skip */ }
    }

    mark('forms');
    /* view key: path+hash | first visible h1 | open dialogs */
    let h1 = '';
    for (const h of headingEls) {
      if (lc(h) === 'h1' && !isHidden(h)) { h1 = clip(h.innerText || h.textContent, 120); break; }
    }
    const dnames = obs.dialogs.map((d) => d.name || d.text.slice(0, 40) || d.role || 'dialog');
    obs.view_key = `${rootWin.location.pathname}${rootWin.location.hash}|${h1}|${dnames.join(',')}`;
  } catch (e) {
    obs.error = String((e && e.message) || e);
  }
  mark('end');
  if (O.profile) obs.profile_ms = marks;
  const result = redactDeep(obs);
  if (maskedKinds.size) result.masked = Array.from(maskedKinds).sort();
  if (O.compact) {
    /* transport form for snapshot.py: lists of records as {keys, rows}; unpacked in Python */
    /* a key only some records have (current) is listed in __sometimes; absent there, it travels as null */
    const pack = (list) => {
      if (!list.length) return list;
      const keys = [...new Set(list.flatMap((o) => Object.keys(o)))];
      const sometimes = keys.filter((k) => list.some((o) => !(k in o)));
      return { __keys: keys, __sometimes: sometimes, __rows: list.map((o) => keys.map((k) => (k in o ? o[k] : null))) };
    };
    result.elements = pack(result.elements);
    result.text_blocks = pack(result.text_blocks);
    for (const f of result.forms) f.fields = pack(f.fields);
  }
  return O.json ? JSON.stringify(result) : result;
}
