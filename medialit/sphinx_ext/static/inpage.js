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
      if (root.document.readyState === "loading") {
        root.document.addEventListener("DOMContentLoaded", function () { api.mountAll(root.document); });
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

  function cleanLearner(value, limit) {
    var cleaned = pyStrip((value || "").replace(CONTROL, " ").replace(RUNS, " "));
    return Array.from(cleaned).slice(0, limit || 200).join("") || null;
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
   * A saved file (the package's or the widget's JSON, or the flat CSV) as a state for this exercise,
   * or {error: "..."}: a file of another case or exercise is refused and nothing changes.
   */
  function restore(payload, text, name) {
    var known = {};
    payload.passages.forEach(function (p) { known[p.id] = true; });
    var cats = payload.categories.map(function (c) { return c.id; });
    var state = emptyState();
    text = text.replace(/^\ufeff/, "");
    if (/\.csv$/i.test(name)) {
      var rows = parseCsvRows(text);
      if (!rows.length || rows[0].map(pyStrip).join(",") !== "learner,passage_id,category") {
        return { error: name + ": the first line must be the header learner,passage_id,category." };
      }
      var learners = [];
      rows.slice(1).forEach(function (r) {
        if (r.length !== 3 || !pyStrip(r.join(""))) return;
        var learner = pyStrip(r[0]), pid = pyStrip(r[1]), category = pyStrip(r[2]);
        if (learners.indexOf(learner) < 0) learners.push(learner);
        if (!known[pid]) return;
        var given = state.tags[pid] || (state.tags[pid] = []);
        if (category && cats.indexOf(category) >= 0 && given.indexOf(category) < 0) given.push(category);
      });
      if (learners.length > 1) return { error: name + " holds " + learners.length + " learners; give a file with one learner." };
      if (!Object.keys(state.tags).length) return { error: name + " has no passage of this exercise; nothing was changed." };
      state.learner = learners[0] || null;
      return { state: state };
    }
    var data;
    try { data = JSON.parse(text); } catch (e) { return { error: name + " is not valid JSON; nothing was changed." }; }
    if (!isObject(data) || data.format !== payload.format || !isObject(data.tags)) {
      return { error: name + " is not a tag file (" + payload.format + "); nothing was changed." };
    }
    if (data.case !== payload.case) {
      return { error: name + " is for case " + JSON.stringify(data.case) + ", not " + JSON.stringify(payload.case) + "; nothing was changed." };
    }
    if (data.exercise !== undefined && data.exercise !== payload.exercise) {
      return { error: name + " is for the exercise " + JSON.stringify(data.exercise) + ", not " + JSON.stringify(payload.exercise) + "; nothing was changed." };
    }
    Object.keys(data.tags).forEach(function (pid) {
      if (!known[pid] || !Array.isArray(data.tags[pid])) return;
      state.tags[pid] = data.tags[pid].filter(function (c, i, all) { return cats.indexOf(c) >= 0 && all.indexOf(c) === i; });
    });
    if (isObject(data.cues)) {
      Object.keys(data.cues).forEach(function (pid) {
        if (!known[pid] || !isObject(data.cues[pid])) return;
        Object.keys(data.cues[pid]).forEach(function (c) {
          var words = data.cues[pid][c];
          if (cats.indexOf(c) < 0 || !Array.isArray(words)) return;
          (state.cues[pid] || (state.cues[pid] = {}))[c] = words.filter(function (w) { return typeof w === "string" && w; });
        });
      });
    }
    if (isObject(data.notes)) {
      Object.keys(data.notes).forEach(function (pid) {
        if (known[pid] && typeof data.notes[pid] === "string") state.notes[pid] = data.notes[pid];
      });
    }
    state.learner = typeof data.learner === "string" ? data.learner : null;
    return { state: state };
  }

  var core = {
    pyStrip: pyStrip, findSpan: findSpan, findSpans: findSpans, cueSegments: cueSegments,
    numberText: numberText, score: score, feedback: feedback, tagFile: tagFile, tagFileName: tagFileName,
    cleanLearner: cleanLearner, restore: restore, emptyState: emptyState, nowIso: nowIso
  };
  core.mountAll = function (doc) {
    if (!doc.querySelectorAll || typeof MedialitInpageView === "undefined") return;
    Array.prototype.forEach.call(doc.querySelectorAll(".medialit-inpage"), function (el) {
      MedialitInpageView.mount(el, core);
    });
  };
  return core;
});
