/* Between the Lines: the in-page exercise (no server, no network).
 *
 * A UMD module: the book's pages load it as a script, and the parity test loads the very same
 * file in Node (require) to prove that its scoring matches medialit.scoring.learner exactly.
 * The page holds the exercise as JSON (medialit.rendering.inpage.inpage_payload); this script
 * never reads CSV from data/ and fetches nothing.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.MedialitInpage = api;
    if (root.document) {
      // Loaded async: mount as soon as the page is parsed, before the theme's deferred scripts.
      if (root.document.readyState === "loading") {
        root.document.addEventListener("readystatechange", function () { api.mountAll(root.document); });
      } else {
        api.mountAll(root.document);
      }
    }
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /* ---- Text rules shared with Python (str.strip, str.split, find_span) ---- */

  // Exactly the characters Python's str.isspace() accepts (JavaScript's trim differs).
  var WS = "\\t\\n\\u000b\\f\\r\\u001c-\\u001f \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var STRIP = new RegExp("^[" + WS + "]+|[" + WS + "]+$", "g");
  var RUNS = new RegExp("[" + WS + "]+", "g");
  var CONTROL = /[\u0000-\u001f\u007f]/g;

  function pyStrip(s) { return s.replace(STRIP, ""); }

  function cpLength(s) { return Array.from(s).length; }

  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&"); }

  /** The first occurrence of words in text as [start, end] in code points (Python indices), else null. */
  function findSpan(text, words) {
    if (!words) return null;
    var at = text.indexOf(words);
    var found = words;
    if (at < 0) {
      var match = new RegExp(escapeRegExp(words), "iu").exec(text);
      if (!match) return null;
      at = match.index;
      found = match[0];
    }
    var start = cpLength(text.slice(0, at));
    return [start, start + cpLength(found)];
  }

  function mergeSpans(spans) {
    var sorted = spans.slice().sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    sorted.forEach(function (span) {
      var last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
      else merged.push([span[0], span[1]]);
    });
    return merged;
  }

  function findSpans(text, cues) {
    return mergeSpans(cues.map(function (cue) { return findSpan(text, cue); }).filter(Boolean));
  }

  /** The passage cut into [piece, isCue] as medialit.common.cues.cue_segments does. */
  function cueSegments(text, cues) {
    var spans = cues && cues.length ? findSpans(text, cues) : [];
    var chars = Array.from(text);
    var segments = [];
    var position = 0;
    spans.forEach(function (span) {
      if (span[0] > position) segments.push([chars.slice(position, span[0]).join(""), false]);
      segments.push([chars.slice(span[0], span[1]).join(""), true]);
      position = span[1];
    });
    if (position < chars.length || !segments.length) segments.push([chars.slice(position).join(""), false]);
    return segments;
  }

  /* ---- Statistics (medialit.scoring.statistics; null where Python has nan) ---- */

  function ratio(numerator, denominator) { return denominator === 0 ? null : numerator / denominator; }

  function kappa(tp, fp, fn, tn) {
    var n = tp + fp + fn + tn;
    var observed = ratio(tp + tn, n);
    var expected = ratio((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn), n * n);
    if (observed === null || expected === null) return null;
    return ratio(observed - expected, 1 - expected);
  }

  function stats(c) {
    return {
      precision: ratio(c.tp, c.tp + c.fp),
      recall: ratio(c.tp, c.tp + c.fn),
      f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
      kappa: kappa(c.tp, c.fp, c.fn, c.tn)
    };
  }

  /** A statistic with two decimals as Python's f"{x:.2f}" (ties to even), or "undefined". */
  function numberText(value) {
    if (value === null || value === undefined || Number.isNaN(value)) return "undefined";
    var eighths = value * 8;
    if (Number.isInteger(eighths) && Math.abs(eighths) % 2 === 1) {
      var hundredths = Math.floor(Math.abs(value) * 100);
      if (hundredths % 2 === 1) hundredths += 1;
      return (value < 0 ? "-" : "") + (hundredths / 100).toFixed(2);
    }
    return value.toFixed(2);
  }

  /* ---- The key and one learner's tags (medialit.scoring.key, learner, cue_credit) ---- */

  function pairKey(pid, category) { return pid + "\u0000" + category; }

  function keyIndex(payload) {
    var rows = {};
    payload.key.forEach(function (row) { rows[pairKey(row.passage_id, row.category)] = row; });
    var reasons = {};
    payload.not_this.forEach(function (row) { reasons[pairKey(row.passage_id, row.category)] = row.reason; });
    var texts = {};
    payload.passages.forEach(function (p) { texts[p.id] = p.text; });
    return { rows: rows, reasons: reasons, texts: texts };
  }

  function own(object, name) { return Object.prototype.hasOwnProperty.call(object, name); }

  function tagMatrix(payload, data) {
    var tags = data.tags || {};
    return payload.passages.map(function (p) {
      var given = own(tags, p.id) ? tags[p.id] : null;
      return {
        reviewed: given !== null,
        tagged: payload.categories.map(function (c) { return given !== null && given.indexOf(c.id) >= 0; })
      };
    });
  }

  function overlap(span, others) {
    var total = 0;
    others.forEach(function (o) { total += Math.max(0, Math.min(span[1], o[1]) - Math.max(span[0], o[0])); });
    return total;
  }

  function cueSums(predicted, alternatives) {
    if (!alternatives.length) return [0, 0, 0];
    var toPrecision = 0;
    predicted.forEach(function (span) { toPrecision += overlap(span, alternatives) / (span[1] - span[0]); });
    var toRecall = -Infinity;
    alternatives.forEach(function (gold) {
      toRecall = Math.max(toRecall, overlap(gold, predicted) / (gold[1] - gold[0]));
    });
    return [toPrecision, toRecall, 1];
  }

  function spanPrf(numP, nPredicted, numR, nGold) {
    if (nPredicted === 0 && nGold === 0) return [1, 1, 1];
    var p = nPredicted ? numP / nPredicted : null;
    var r = nGold ? numR / nGold : null;
    if (!nPredicted || !nGold || p + r === 0) return [p, r, 0];
    return [p, r, 2 * p * r / (p + r)];
  }

  function cueCredit(payload, data, index) {
    var sums = [0, 0, 0, 0];
    var byPair = {};
    var pairs = 0;
    var cues = data.cues || {};
    Object.keys(cues).forEach(function (pid) {
      Object.keys(cues[pid]).forEach(function (category) {
        var row = index.rows[pairKey(pid, category)];
        if (!row) return;
        var text = index.texts[pid];
        var alternatives = findSpans(text, row.cues);
        var predicted = findSpans(text, cues[pid][category]);
        var s = cueSums(predicted, alternatives);
        sums[0] += s[0]; sums[1] += predicted.length; sums[2] += s[1]; sums[3] += s[2];
        if (!own(byPair, pairKey(pid, category))) pairs += 1;
        byPair[pairKey(pid, category)] = spanPrf(s[0], predicted.length, s[1], s[2])[2];
      });
    });
    if (!pairs) return { pairs: 0, precision: null, recall: null, f1: null, byPair: byPair };
    var prf = spanPrf(sums[0], sums[1], sums[2], sums[3]);
    return { pairs: pairs, precision: prf[0], recall: prf[1], f1: prf[2], byPair: byPair };
  }

  function counts(payload, index, isTagged) {
    return payload.categories.map(function (c, ci) {
      var n = { tp: 0, fp: 0, fn: 0, tn: 0 };
      payload.passages.forEach(function (p, pi) {
        var row = index.rows[pairKey(p.id, c.id)];
        var clear = !!row && row.strength === "clear";
        if (row && !clear) return; // arguable: left out of the counts
        var tagged = isTagged(pi, ci);
        if (tagged && clear) n.tp += 1;
        else if (tagged) n.fp += 1;
        else if (clear) n.fn += 1;
        else n.tn += 1;
      });
      return n;
    });
  }

  /** The learner's scores, shaped as medialit.scoring.learner.Score.to_json() (without problems). */
  function score(payload, data, label) {
    var index = keyIndex(payload);
    var matrix = tagMatrix(payload, data);
    var table = counts(payload, index, function (p, c) { return matrix[p].tagged[c]; });
    var everything = counts(payload, index, function () { return true; });
    var categories = {};
    var baseline = {};
    var pooled = { tp: 0, fp: 0, fn: 0 };
    payload.categories.forEach(function (c, ci) {
      var n = table[ci];
      categories[c.id] = Object.assign({ tp: n.tp, fp: n.fp, fn: n.fn, tn: n.tn }, stats(n));
      var b = stats(everything[ci]);
      baseline[c.id] = { f1: b.f1, kappa: b.kappa };
      pooled.tp += n.tp; pooled.fp += n.fp; pooled.fn += n.fn;
    });
    var micro = stats({ tp: pooled.tp, fp: pooled.fp, fn: pooled.fn, tn: 0 });
    var reviewed = matrix.filter(function (m) { return m.reviewed; }).length;
    var total = payload.passages.length;
    var credit = cueCredit(payload, data, index);
    return {
      exercise: payload.exercise,
      learner: label,
      reviewed: reviewed,
      total: total,
      coverage: total ? reviewed / total : null,
      categories: categories,
      micro: { tp: pooled.tp, fp: pooled.fp, fn: pooled.fn, precision: micro.precision, recall: micro.recall, f1: micro.f1 },
      micro_f1: micro.f1,
      cue_credit: { pairs: credit.pairs, precision: credit.precision, recall: credit.recall, f1: credit.f1 },
      tick_everything: baseline
    };
  }

  /** One row per (passage, category) the learner or the key tagged, as medialit.scoring.learner.feedback. */
  function feedback(payload, data) {
    var index = keyIndex(payload);
    var matrix = tagMatrix(payload, data);
    var credit = cueCredit(payload, data, index).byPair;
    var cues = data.cues || {};
    var notes = data.notes || {};
    var rows = [];
    payload.passages.forEach(function (p, pi) {
      payload.categories.forEach(function (c, ci) {
        var pair = pairKey(p.id, c.id);
        var entry = index.rows[pair] || null;
        var tagged = matrix[pi].tagged[ci];
        if (!tagged && !entry) return;
        var status = !entry ? "extra" : entry.strength !== "clear" ? "arguable" : tagged ? "agreed" : "missed";
        var words = own(cues, p.id) && own(cues[p.id], c.id) ? cues[p.id][c.id] : [];
        rows.push({
          passage_id: p.id,
          category: c.id,
          status: status,
          learner_tagged: tagged,
          reviewed: matrix[pi].reviewed,
          subtype: entry ? entry.subtype : "",
          strength: entry ? entry.strength : "",
          cue: entry ? entry.cue : "",
          rationale: entry ? entry.rationale : "",
          check: entry ? entry.check : "",
          sources: entry ? entry.sources : "",
          not_this: status === "extra" && own(index.reasons, pair) ? index.reasons[pair] : "",
          learner_cues: words.join("; "),
          note: own(notes, p.id) ? notes[p.id] : "",
          cue_f1: own(credit, pair) ? credit[pair] : null
        });
      });
    });
    return rows;
  }

  /* ---- The tag file (medialit-tags/1) ---- */

  /* ---- What the learner types, kept within the format's limits, never cut silently ----
   * Each returns what is kept and the sentence saying what was not ("" when all was kept), word for
   * word as medialit.session.tagging says it (the parity test holds them to it).
   */

  function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  /** The learner's name (clean_learner) and name_cut_message. */
  function learnerKept(value, limit) {
    var spaced = pyStrip((value || "").replace(CONTROL, " ").replace(RUNS, " "));
    var length = cpLength(spaced);
    var message = length <= limit ? "" : "Your name or code has " + thousands(length) + " characters, so only its first " +
      thousands(limit) + " were kept (a name or code can have at most " + thousands(limit) + ").";
    return { learner: Array.from(spaced).slice(0, limit).join("") || null, message: message };
  }

  /** A note (TaggingSession.set_note: null removes it) and note_cut_message. */
  function noteKept(pid, text, limit) {
    var length = cpLength(text);
    var kept = !!pyStrip(text);
    var message = !kept || length <= limit ? "" : "Only the first " + thousands(limit) + " characters of your note on " + pid +
      " were saved, as a note can hold at most " + thousands(limit) + " and this one has " + thousands(length) +
      ": shorten it, or keep the rest in a file of your own.";
    return { note: kept ? Array.from(text).slice(0, limit).join("") : null, message: message };
  }

  function notFoundMessage(missing) {
    var one = missing.length === 1;
    return "Sorry, " + missing.map(function (m) { return "\u201c" + m + "\u201d"; }).join(", ") + (one ? " is" : " are") +
      " not in this passage, so " + (one ? "it was" : "they were") + " not kept. Copy the words exactly as they " +
      "appear in the passage (capital letters do not matter).";
  }

  function tooManyCuesMessage(count, limit) {
    if (count <= limit) return "";
    var extra = count - limit;
    return "Only the first " + thousands(limit) + " cue phrases were kept for this tag, as a tag can have at most " +
      thousands(limit) + ", so the last " + (extra === 1 ? "phrase you gave was" : extra + " phrases you gave were") + " not kept.";
  }

  /** The cue phrases a tag keeps (medialit.session.tagging.kept_cues) and what was not kept. */
  function cuesKept(text, phrases, limit) {
    var tidy = phrases.filter(function (p) { return pyStrip(p); }).map(function (p) { return pyStrip(p.replace(RUNS, " ")); });
    var found = [];
    tidy.forEach(function (p) { if (findSpan(text, p) && found.indexOf(p) < 0) found.push(p); });
    var missing = tidy.filter(function (p) { return found.indexOf(p) < 0; });
    var said = [missing.length ? notFoundMessage(missing) : "", tooManyCuesMessage(found.length, limit)];
    return { kept: found.slice(0, limit), message: said.filter(Boolean).join(" ") };
  }

  /** The sentence for passages of an upload that are not this exercise's (left_out_passages_message). */
  function leftOutMessage(name, count, exercise) {
    if (!count) return "";
    var one = count === 1;
    return (one ? "One passage" : count + " passages") + " of " + name + (one ? " is" : " are") + " not part of the " +
      exercise + " exercise, so " + (one ? "it was" : "they were") + " left out (" + name + " itself is unchanged).";
  }

  function slug(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  }

  function tagFileName(exercise, learner) {
    var name = slug(learner || "");
    return name ? exercise + "-" + name + "-tags.json" : exercise + "-tags.json";
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function nowIso(date) {
    var d = date || new Date();
    var offset = -d.getTimezoneOffset();
    var sign = offset < 0 ? "-" : "+";
    var abs = Math.abs(offset);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T" + pad(d.getHours()) +
      ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds()) + sign + pad(Math.floor(abs / 60)) + ":" + pad(abs % 60);
  }

  /** The tag file's JSON object for the learner's state. */
  function tagFile(payload, state) {
    var data = { format: payload.format, case: payload.case, exercise: payload.exercise };
    if (state.learner) data.learner = state.learner;
    data.saved_at = state.saved_at || nowIso();
    data.tags = state.tags;
    if (Object.keys(state.cues).length) data.cues = state.cues;
    if (Object.keys(state.notes).length) data.notes = state.notes;
    return data;
  }

  function emptyState() { return { learner: null, saved_at: null, tags: {}, cues: {}, notes: {} }; }

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  function parseCsvRows(text) {
    var rows = [], row = [], cell = "", quoted = false, i;
    for (i = 0; i < text.length; i += 1) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (ch === '"') quoted = false; else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") { row.push(cell); cell = ""; }
      else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i += 1;
        row.push(cell); rows.push(row); row = []; cell = "";
      } else cell += ch;
    }
    if (cell || row.length) { row.push(cell); rows.push(row); }
    return rows;
  }

  /**
   * A saved file (the package's or the widget's JSON, or the flat CSV) as a state for this exercise:
   * {state, leftOut, nameCut} (leftOut: how many of its passages are not this exercise's, and were left
   * out; nameCut: the sentence when its learner's name was cut, as TaggingSession.replace says it),
   * or {error: "<a sentence>"} and nothing changes. A file of another case is refused; so is a file
   * of another exercise ({error, otherExercise}) unless anyway is true.
   */
  function restore(payload, text, name, anyway) {
    var known = {};
    payload.passages.forEach(function (p) { known[p.id] = true; });
    var cats = payload.categories.map(function (c) { return c.id; });
    var state = emptyState();
    var outside = {};
    function mine(pid) { if (!known[pid]) outside[pid] = true; return !!known[pid]; }
    function kept(learner) {
      var name = learnerKept(learner, payload.limits.learner);
      state.learner = name.learner;
      return { state: state, leftOut: Object.keys(outside).length, nameCut: name.message };
    }
    text = text.replace(/^\ufeff/, "");
    if (/\.csv$/i.test(name)) {
      var rows = parseCsvRows(text);
      if (!rows.length || rows[0].map(pyStrip).join(",") !== "learner,passage_id,category") {
        return { error: name + " does not start with the header line learner,passage_id,category." };
      }
      var learners = [];
      rows.slice(1).forEach(function (r) {
        if (r.length !== 3 || !pyStrip(r.join(""))) return;
        var learner = pyStrip(r[0]), pid = pyStrip(r[1]), category = pyStrip(r[2]);
        if (learners.indexOf(learner) < 0) learners.push(learner);
        if (!mine(pid)) return;
        var given = state.tags[pid] || (state.tags[pid] = []);
        if (category && cats.indexOf(category) >= 0 && given.indexOf(category) < 0) given.push(category);
      });
      if (learners.length > 1) return { error: name + " holds " + learners.length + " learners, but a file with one learner is needed here." };
      if (!Object.keys(state.tags).length) return { error: name + " has no passage of this exercise." };
      return kept(learners[0]);
    }
    var data;
    try { data = JSON.parse(text); } catch (e) { return { error: name + " is not valid JSON." }; }
    if (!isObject(data) || data.format !== payload.format || !isObject(data.tags)) {
      return { error: name + " is not a tag file (" + payload.format + ")." };
    }
    if (data.case !== payload.case) {
      return { error: name + " is for case " + JSON.stringify(data.case) + ", not for " + JSON.stringify(payload.case) + "." };
    }
    if (data.exercise !== undefined && data.exercise !== payload.exercise && !anyway) {
      return { error: name + " was made for the " + data.exercise + " exercise, not for " + payload.exercise + ".", otherExercise: String(data.exercise) };
    }
    Object.keys(data.tags).forEach(function (pid) {
      if (!mine(pid) || !Array.isArray(data.tags[pid])) return;
      state.tags[pid] = data.tags[pid].filter(function (c, i, all) { return cats.indexOf(c) >= 0 && all.indexOf(c) === i; });
    });
    if (isObject(data.cues)) {
      Object.keys(data.cues).forEach(function (pid) {
        if (!mine(pid) || !isObject(data.cues[pid])) return;
        Object.keys(data.cues[pid]).forEach(function (c) {
          var words = data.cues[pid][c];
          if (cats.indexOf(c) < 0 || !Array.isArray(words)) return;
          (state.cues[pid] || (state.cues[pid] = {}))[c] = words.filter(function (w) { return typeof w === "string" && w; });
        });
      });
    }
    if (isObject(data.notes)) {
      Object.keys(data.notes).forEach(function (pid) {
        if (mine(pid) && typeof data.notes[pid] === "string") state.notes[pid] = data.notes[pid];
      });
    }
    return kept(typeof data.learner === "string" ? data.learner : null);
  }

  var core = {
    pyStrip: pyStrip, findSpan: findSpan, findSpans: findSpans, cueSegments: cueSegments,
    numberText: numberText, score: score, feedback: feedback, tagFile: tagFile, tagFileName: tagFileName,
    learnerKept: learnerKept, noteKept: noteKept, cuesKept: cuesKept, leftOutMessage: leftOutMessage,
    restore: restore, emptyState: emptyState, nowIso: nowIso
  };
  /* ---- The view: the exercise in the page, built from the page's JSON ---- */

  function h(doc, tag, attrs, children) {
    var el = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") el.textContent = attrs[name];
      else if (name in el && typeof attrs[name] !== "string") el[name] = attrs[name];
      else el.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) el.appendChild(child); });
    return el;
  }

  function splitPhrases(value) {
    return value.replace(/\n/g, ";").split(";").map(pyStrip).filter(Boolean);
  }

  function openingWords(text) {
    var words = pyStrip(text).split(/\s+/).slice(0, 8).join(" ");
    return words.length < pyStrip(text).length ? words + "\u2026" : words;
  }

  function mount(root) {
    var doc = root.ownerDocument;
    var payload = JSON.parse(root.querySelector("script.medialit-inpage-data").textContent);
    var labels = {};
    payload.categories.forEach(function (c) { labels[c.id] = c.label; });
    var storeKey = "medialit:" + payload.case + ":" + payload.exercise;
    var uid = "medialit-" + payload.exercise;
    var state = emptyState();
    var at = 0;
    var showAll = false;
    var checked = false;

    function progressText() {
      return Object.keys(state.tags).filter(function (pid) {
        return payload.passages.some(function (p) { return p.id === pid; });
      }).length + " of " + payload.passages.length + " reviewed";
    }

    function reviewedCount() { return parseInt(progressText(), 10); }

    var status = h(doc, "p", { "class": "medialit-inpage-status", role: "status" });
    function say(message) { status.textContent = message; }

    function download() {
      var data = tagFile(payload, state);
      var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
      var link = h(doc, "a", { href: URL.createObjectURL(blob), download: tagFileName(payload.exercise, state.learner) });
      doc.body.appendChild(link);
      link.click();
      link.remove();
      say("Downloaded " + link.download + ": " + progressText() + ". Keep it somewhere safe; Restore from file loads it again.");
    }

    function save() {
      state.saved_at = nowIso();
      try {
        root.ownerDocument.defaultView.localStorage.setItem(storeKey, JSON.stringify(tagFile(payload, state)));
        return true;
      } catch (e) {
        say("Your browser is not keeping your work here (private browsing, or its storage is full). " +
          "Press Download my tags now to keep a copy of your work.");
        downloadButton.focus();
        return false;
      }
    }

    // --- controls
    var name = h(doc, "input", { type: "text", id: uid + "-name", autocomplete: "off" });
    var bar = h(doc, "div", { "class": "medialit-inpage-bar" });
    var progress = h(doc, "div", { "class": "medialit-inpage-progress", role: "progressbar", "aria-label": "Reviewed",
      "aria-valuemin": "0", "aria-valuemax": String(payload.passages.length) }, [bar]);
    var progressLabel = h(doc, "span", { "aria-hidden": "true" });
    var goTo = h(doc, "select", { id: uid + "-goto" });
    var onlyOpen = h(doc, "input", { type: "checkbox", id: uid + "-open" });
    var previous = h(doc, "button", { type: "button", text: "Previous" });
    var next = h(doc, "button", { type: "button", text: "Next" });
    var place = h(doc, "p", { "class": "medialit-inpage-place" });
    var context = h(doc, "div", { "class": "medialit-inpage-context" });
    var boxes = {};
    var cueInputs = {};
    var cueRows = {};
    var fieldset = h(doc, "fieldset", {}, [h(doc, "legend", { text: "Techniques in this passage" })]);
    payload.categories.forEach(function (c) {
      boxes[c.id] = h(doc, "input", { type: "checkbox", id: uid + "-c-" + c.id });
      fieldset.appendChild(h(doc, "span", { "class": "medialit-inpage-choice" },
        [boxes[c.id], h(doc, "label", { "for": uid + "-c-" + c.id, text: c.label })]));
    });
    var none = h(doc, "input", { type: "checkbox", id: uid + "-none" });
    fieldset.appendChild(h(doc, "span", { "class": "medialit-inpage-choice" },
      [none, h(doc, "label", { "for": uid + "-none", text: "Reviewed: no technique" })]));
    var cueBox = h(doc, "div", { "class": "medialit-inpage-cues" });
    payload.categories.forEach(function (c) {
      cueInputs[c.id] = h(doc, "input", { type: "text", id: uid + "-w-" + c.id, autocomplete: "off" });
      cueRows[c.id] = h(doc, "p", {}, [h(doc, "label", { "for": uid + "-w-" + c.id,
        text: payload.categories.length > 1 ? "Which words? (" + c.label + ")" : "Which words?" }), cueInputs[c.id]]);
      cueBox.appendChild(cueRows[c.id]);
    });
    var note = h(doc, "textarea", { id: uid + "-note", rows: "2" });
    var checkButton = h(doc, "button", { type: "button", text: "Check my answers" });
    var downloadButton = h(doc, "button", { type: "button", text: "Download my tags" });
    var upload = h(doc, "input", { type: "file", id: uid + "-restore", accept: ".json,.csv,application/json,text/csv" });
    // Shown when an uploaded file was made for another exercise: say so, and let the learner load it anyway.
    var anywayText = h(doc, "span", {});
    var anywayButton = h(doc, "button", { type: "button", text: "Load it anyway" });
    var anyway = h(doc, "p", { "class": "medialit-inpage-anyway", hidden: true }, [anywayText, doc.createTextNode(" "), anywayButton]);
    var waiting = null; // the upload "Load it anyway" would restore: {text, name}
    var result = h(doc, "div", { "class": "medialit-inpage-result", tabindex: "-1" });

    function field(labelText, control) {
      return h(doc, "p", { "class": "medialit-inpage-field" }, [h(doc, "label", { "for": control.id, text: labelText }), control]);
    }

    var app = h(doc, "div", { "class": "medialit-inpage-app" }, [
      h(doc, "p", {}, [h(doc, "strong", { text: payload.title })]),
      field("Your name or code (optional)", name),
      h(doc, "div", { "class": "medialit-inpage-row" }, [progress, progressLabel]),
      h(doc, "div", { "class": "medialit-inpage-row" }, [
        field("Go to passage", goTo),
        h(doc, "span", { "class": "medialit-inpage-choice" },
          [onlyOpen, h(doc, "label", { "for": onlyOpen.id, text: "Only passages not yet reviewed" })])
      ]),
      h(doc, "div", { "class": "medialit-inpage-row" }, [previous, next]),
      place, context, fieldset, cueBox, field("Note", note),
      h(doc, "div", { "class": "medialit-inpage-row" }, [checkButton, downloadButton, field("Restore from file", upload)]),
      anyway,
      status, result
    ]);

    // --- drawing
    function visible() {
      return payload.passages.map(function (p, i) { return i; }).filter(function (i) {
        return !onlyOpen.checked || i === at || !own(state.tags, payload.passages[i].id);
      });
    }

    function drawList() {
      goTo.textContent = "";
      visible().forEach(function (i) {
        var p = payload.passages[i];
        var mark = own(state.tags, p.id) ? "\u2713 " : "";
        goTo.appendChild(h(doc, "option", { value: String(i), text: mark + p.id + ": " + openingWords(p.text) }));
      });
      goTo.value = String(at);
    }

    function draw() {
      var p = payload.passages[at];
      var given = own(state.tags, p.id) ? state.tags[p.id] : null;
      var n = reviewedCount();
      progress.setAttribute("aria-valuenow", String(n));
      progress.setAttribute("aria-valuetext", progressText());
      bar.style.width = (payload.passages.length ? (100 * n) / payload.passages.length : 0) + "%";
      progressLabel.textContent = progressText();
      name.value = state.learner || "";
      var kind = p.kind === "sentence" ? "" : " (" + p.kind + ")";
      place.textContent = "Section: " + p.section + " \u00b7 passage " + (at + 1) + " of " + payload.passages.length + " \u00b7 id " + p.id + kind;
      context.textContent = "";
      if (p.before) context.appendChild(h(doc, "p", { "class": "medialit-inpage-near", text: "Before (" + p.before.id + "): " + p.before.text }));
      context.appendChild(h(doc, "p", { "class": "medialit-inpage-this" }, [h(doc, "strong", { text: "This passage (" + p.id + "): " }), doc.createTextNode(p.text)]));
      if (p.after) context.appendChild(h(doc, "p", { "class": "medialit-inpage-near", text: "After (" + p.after.id + "): " + p.after.text }));
      payload.categories.forEach(function (c) {
        var on = !!given && given.indexOf(c.id) >= 0;
        boxes[c.id].checked = on;
        cueRows[c.id].hidden = !on;
        cueInputs[c.id].value = ((state.cues[p.id] || {})[c.id] || []).join("; ");
      });
      none.checked = !!given && !given.length;
      note.value = state.notes[p.id] || "";
      var shown = visible();
      previous.disabled = shown.indexOf(at) <= 0;
      next.disabled = shown.indexOf(at) >= shown.length - 1;
      drawList();
    }

    function move(step) {
      var shown = visible();
      var target = shown[shown.indexOf(at) + step];
      if (target !== undefined) { at = target; draw(); }
    }

    function changed() { save(); draw(); if (checked) showCheck(false); }

    // --- the check
    function cell(tag, text) { return h(doc, tag, { text: text }); }

    function highlighted(text, cues) {
      var out = h(doc, "span", {});
      cueSegments(text, cues).forEach(function (seg) {
        out.appendChild(seg[1] ? h(doc, "mark", { "class": "cue", text: seg[0] }) : doc.createTextNode(seg[0]));
      });
      return out;
    }

    function showCheck(focus) {
      checked = true;
      var s = score(payload, state, state.learner || "(unnamed)");
      var rows = feedback(payload, state);
      var index = keyIndex(payload);
      var words = payload.words;
      result.textContent = "";
      var head = h(doc, "tr", {}, [cell("th", "category")].concat(Object.keys(words.score_columns).map(function (k) {
        return h(doc, "th", { scope: "col", text: words.score_columns[k] });
      })));
      var body = h(doc, "tbody", {});
      payload.categories.forEach(function (c) {
        var row = s.categories[c.id], base = s.tick_everything[c.id];
        var values = { kappa: row.kappa, "baseline kappa": base.kappa, precision: row.precision, recall: row.recall, f1: row.f1, "baseline f1": base.f1 };
        body.appendChild(h(doc, "tr", {}, [h(doc, "th", { scope: "row", text: c.label })].concat(
          Object.keys(words.score_columns).map(function (k) { return cell("td", numberText(values[k])); }))));
      });
      result.appendChild(h(doc, "h3", { text: "Your scores" }));
      result.appendChild(h(doc, "div", { "class": "medialit-inpage-table" }, [h(doc, "table", {}, [h(doc, "thead", {}, [head]), body])]));
      result.appendChild(h(doc, "p", { text: "Reviewed " + s.reviewed + " of " + s.total + " passages. Micro F1: " + numberText(s.micro_f1) +
        ". Cue words: " + s.cue_credit.pairs + " scored, F1 " + numberText(s.cue_credit.f1) + "." }));
      var hidden = {};
      words.status_order.forEach(function (st) {
        var group = rows.filter(function (r) { return r.status === st && (showAll || r.reviewed); });
        rows.forEach(function (r) { if (!r.reviewed) hidden[r.passage_id] = true; });
        if (!group.length) return;
        result.appendChild(h(doc, "h3", { text: words.status_titles[st] + " (" + group.length + ")" }));
        var list = h(doc, "ul", {});
        group.forEach(function (r) {
          var entry = index.rows[pairKey(r.passage_id, r.category)];
          var item = h(doc, "li", {}, [
            h(doc, "p", {}, [h(doc, "strong", { text: r.passage_id + " \u00b7 " + labels[r.category] + (entry && entry.subtype_label ? ": " + entry.subtype_label : "") +
              (r.status === "arguable" ? (r.learner_tagged ? " (you tagged it)" : " (you did not tag it)") : "") })]),
            h(doc, "p", { "class": "medialit-inpage-quote" }, [highlighted(index.texts[r.passage_id], entry ? entry.cues : [])])
          ]);
          if (r.rationale) item.appendChild(h(doc, "p", { text: r.rationale }));
          if (r.check) item.appendChild(h(doc, "p", { text: "Check: " + r.check }));
          if (r.sources) item.appendChild(h(doc, "p", { text: "Sources: " + r.sources }));
          if (r.not_this) item.appendChild(h(doc, "p", { text: "Not this: " + r.not_this }));
          if (r.learner_cues) item.appendChild(h(doc, "p", { text: "Your cue words: " + r.learner_cues + (r.cue_f1 === null ? "" : " (cue F1 " + numberText(r.cue_f1) + ")") }));
          if (r.note) item.appendChild(h(doc, "p", { text: "Your note: " + r.note }));
          list.appendChild(item);
        });
        result.appendChild(list);
      });
      var notDone = Object.keys(hidden).length;
      if (!showAll && notDone) {
        var reveal = h(doc, "button", { type: "button", text: "Show the key for the " + notDone + " passages you have not done" });
        reveal.addEventListener("click", function () { showAll = true; showCheck(true); });
        result.appendChild(reveal);
      }
      if (focus) result.focus();
    }

    // --- events
    function tagsNow(pid) { return own(state.tags, pid) ? state.tags[pid] : null; }
    payload.categories.forEach(function (c) {
      boxes[c.id].addEventListener("change", function () {
        var pid = payload.passages[at].id;
        var given = payload.categories.map(function (x) { return x.id; }).filter(function (id) { return boxes[id].checked; });
        if (given.length) state.tags[pid] = given;
        else delete state.tags[pid];
        if (state.cues[pid] && !boxes[c.id].checked) { delete state.cues[pid][c.id]; if (!Object.keys(state.cues[pid]).length) delete state.cues[pid]; }
        changed();
      });
      cueInputs[c.id].addEventListener("change", function () {
        var pid = payload.passages[at].id;
        var cues = cuesKept(payload.passages[at].text, splitPhrases(cueInputs[c.id].value), payload.limits.cues);
        if (cues.kept.length) (state.cues[pid] || (state.cues[pid] = {}))[c.id] = cues.kept;
        else if (state.cues[pid]) { delete state.cues[pid][c.id]; if (!Object.keys(state.cues[pid]).length) delete state.cues[pid]; }
        changed();
        if (cues.message) say(cues.message);
      });
    });
    none.addEventListener("change", function () {
      var pid = payload.passages[at].id;
      if (none.checked) { state.tags[pid] = []; delete state.cues[pid]; } else if (tagsNow(pid) && !tagsNow(pid).length) delete state.tags[pid];
      changed();
    });
    note.addEventListener("change", function () {
      var pid = payload.passages[at].id;
      var typed = note.value;
      var kept = noteKept(pid, typed, payload.limits.note);
      if (kept.note !== null) state.notes[pid] = kept.note; else delete state.notes[pid];
      changed();
      if (kept.message) { note.value = typed; say(kept.message); } // the box keeps the whole text, to copy the rest
    });
    name.addEventListener("change", function () {
      var kept = learnerKept(name.value, payload.limits.learner);
      state.learner = kept.learner;
      changed();
      if (kept.message) say(kept.message);
    });
    previous.addEventListener("click", function () { move(-1); });
    next.addEventListener("click", function () { move(1); });
    goTo.addEventListener("change", function () { at = parseInt(goTo.value, 10); draw(); });
    onlyOpen.addEventListener("change", draw);
    checkButton.addEventListener("click", function () { showAll = false; showCheck(true); });
    downloadButton.addEventListener("click", download);
    function restoreFrom(text, fileName, loadAnyway) {
      var restored = restore(payload, text, fileName, loadAnyway);
      waiting = restored.otherExercise ? { text: text, name: fileName } : null;
      anyway.hidden = !waiting;
      anywayText.textContent = waiting ? fileName + " was made for the " + restored.otherExercise + " exercise. Load it anyway " +
        "to restore only its " + payload.exercise + " passages here, in place of the work now on this page." : "";
      root.setAttribute("data-restore", restored.error ? (waiting ? "other-exercise" : "refused") : "restored");
      if (restored.error) { say("Nothing was restored: " + restored.error); return; }
      var learner = restored.state.learner || state.learner;
      state = restored.state;
      state.learner = learner;
      var said = [leftOutMessage(fileName, restored.leftOut, payload.exercise), restored.nameCut].filter(Boolean);
      if (save()) say(["Restored your work from " + fileName + ": " + progressText() + "."].concat(said).join(" "));
      draw();
      if (checked) showCheck(false);
    }
    upload.addEventListener("change", function () {
      var file = upload.files && upload.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        upload.value = "";
        restoreFrom(String(reader.result), file.name, false);
      };
      reader.readAsText(file);
    });
    anywayButton.addEventListener("click", function () {
      if (waiting) restoreFrom(waiting.text, waiting.name, true);
      upload.focus();
    });

    // --- start: the work kept in this browser, if any
    var kept = null;
    try {
      var storage = root.ownerDocument.defaultView.localStorage;
      storage.setItem(storeKey + ":probe", "1");
      storage.removeItem(storeKey + ":probe");
      kept = storage.getItem(storeKey);
    } catch (e) {
      say("Your browser is not keeping your work here (private browsing, or its storage is full). " +
        "Press Download my tags now and then to keep a copy of your work.");
    }
    if (kept) {
      var resumed = restore(payload, kept, "saved.json");
      if (resumed.state) { state = resumed.state; say("Resumed your work kept in this browser: " + progressText() + "."); }
    }
    root.querySelectorAll(".medialit-inpage-static").forEach(function (el) { el.remove(); });
    root.insertBefore(app, root.firstChild);
    draw();
    root.setAttribute("data-ready", "true");
  }

  core.mountAll = function (doc) {
    Array.prototype.forEach.call(doc.querySelectorAll(".medialit-inpage"), function (el) {
      if (el.getAttribute("data-ready") !== "true") mount(el);
    });
  };
  return core;
});
