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
  // An edit time as the tag-file schema allows it (tags.schema.json, "edited"; the parity test checks this copy).
  var EDIT_TIME = new RegExp("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})$");

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

  /* ---- Test forms: confidence and skills (medialit.scoring.calibration, medialit.scoring.skills) ---- */

  /** Per passage of the exercise, whether the learner's answer is right (answer_is_right). */
  function answerIsRight(payload, data) {
    var index = keyIndex(payload);
    var matrix = tagMatrix(payload, data);
    var right = {};
    payload.passages.forEach(function (p, pi) {
      var ok = true;
      payload.categories.forEach(function (c, ci) {
        var row = index.rows[pairKey(p.id, c.id)];
        var tagged = matrix[pi].tagged[ci];
        if (row && row.strength === "clear" && !tagged) ok = false; // missed
        if (!row && tagged) ok = false; // a category the key does not give at all
      });
      right[p.id] = ok;
    });
    return right;
  }

  /** The passages given a confidence: [{passage_id, level, stated, right}] (confidence_answers). */
  function confidenceAnswers(payload, data) {
    var right = answerIsRight(payload, data);
    var stated = {};
    (payload.confidence ? payload.confidence.levels : []).forEach(function (l) { stated[l.id] = l.probability; });
    var given = data.confidence || {};
    return Object.keys(given).filter(function (pid) { return own(right, pid) && own(stated, given[pid]); }).map(function (pid) {
      return { passage_id: pid, level: given[pid], stated: stated[given[pid]], right: right[pid] ? 1 : 0 };
    });
  }

  /** The Brier score of the answers (brier_score), null without any. */
  function brierScore(answers) {
    if (!answers.length) return null;
    var total = 0;
    answers.forEach(function (a) { total += (a.stated - a.right) * (a.stated - a.right); });
    return total / answers.length;
  }

  /** Per level, least sure first: {level, label, count, stated, share_right} (calibration_table). */
  function calibrationTable(answers, levels) {
    return levels.map(function (l) {
      var mine = answers.filter(function (a) { return a.level === l.id; });
      var right = mine.filter(function (a) { return a.right; }).length;
      return { level: l.id, label: l.label, count: mine.length, stated: l.probability, share_right: mine.length ? right / mine.length : null };
    });
  }

  /** Per category of the payload, the balanced accuracy of the tags (skill_scores; null where undefined). */
  function skillScores(payload, data) {
    var index = keyIndex(payload);
    var matrix = tagMatrix(payload, data);
    var scores = {};
    payload.categories.forEach(function (c, ci) {
      var n = { hit: 0, positive: 0, rejected: 0, negative: 0 };
      payload.passages.forEach(function (p, pi) {
        var row = index.rows[pairKey(p.id, c.id)];
        var tagged = matrix[pi].tagged[ci];
        if (row && row.strength === "clear") { n.positive += 1; if (tagged) n.hit += 1; }
        else if (!row) { n.negative += 1; if (!tagged) n.rejected += 1; }
      });
      var hit = ratio(n.hit, n.positive), rejection = ratio(n.rejected, n.negative);
      scores[c.id] = hit === null ? rejection : rejection === null ? hit : 0.5 * (hit + rejection);
    });
    return scores;
  }

  /* ---- The tag file (medialit-tags/1) ---- */

  /* ---- What the learner types, kept within the format's limits, never cut silently ----
   * Each returns what is kept and the sentence saying what was not ("" when all was kept), word for
   * word as medialit.session.tagging says it (the parity test holds them to it).
   */

  function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  /** The learner's name as the format allows it (clean_learner), without a message. */
  function cleanLearner(value, limit) { return learnerKept(value, limit || 200).learner; }

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

  /* ---- File names (medialit.tagfile.names): a readable slug and a short hash of the name ---- */

  var SLUG_BYTES = 48;
  var HASH_DIGITS = 8;
  // Where Python's str.casefold() differs from lower case (after NFKC): these, the Greek iota
  // subscript (U+0345, alone or in a letter) as a full iota, and Cherokee, which folds to capitals.
  var FOLDS = {
    "\u00df": "ss", "\u03c2": "\u03c3", "\u1c80": "\u0432", "\u1c81": "\u0434", "\u1c82": "\u043e",
    "\u1c83": "\u0441", "\u1c84": "\u0442", "\u1c85": "\u0442", "\u1c86": "\u044a", "\u1c87": "\u0463",
    "\u1c88": "\ua64b"
  };

  /** Python's str.casefold() (full case folding), character by character as Python does it. */
  function casefold(s) {
    return s.toLowerCase()
      .replace(/[\u00df\u03c2\u1c80-\u1c88]/g, function (c) { return FOLDS[c]; })
      .replace(/[\u0345\u1f80-\u1fff]/g, function (c) { return c.normalize("NFD").replace("\u0345", "\u03b9"); })
      .replace(/[\u13f8-\u13fd\uab70-\uabbf]/g, function (c) {
        var code = c.charCodeAt(0);
        return String.fromCharCode(code < 0xab70 ? code - 8 : code - 0xab70 + 0x13a0);
      });
  }

  /** Who a name stands for, as medialit.tagfile.names.learner_key: cleaned, NFKC, case-folded. */
  function learnerKey(learner) {
    var cleaned = cleanLearner(learner);
    if (cleaned === null) return null;
    cleaned = cleaned.replace(/[\ud800-\udfff]/gu, "\ufffd"); // lone surrogates, as TextEncoder does
    return cleanLearner(casefold(cleaned.normalize("NFKC")).normalize("NFKC")); // NFKC can make spaces
  }

  var SHA_K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];

  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

  /** SHA-256 of the text's UTF-8 bytes, in hex (synchronous: crypto.subtle is async and needs https). */
  function sha256Hex(text) {
    var bytes = Array.from(new TextEncoder().encode(text));
    var bits = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    for (var shift = 56; shift >= 0; shift -= 8) bytes.push(Math.floor(bits / Math.pow(2, shift)) & 0xff);
    var hash = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var w = new Array(64);
    for (var block = 0; block < bytes.length; block += 64) {
      for (var t = 0; t < 64; t += 1) {
        if (t < 16) {
          var at = block + 4 * t;
          w[t] = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
        } else {
          var s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >>> 3);
          var s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >>> 10);
          w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
        }
      }
      var v = hash.slice();
      for (t = 0; t < 64; t += 1) {
        var e = v[4], a = v[0];
        var t1 = (v[7] + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & v[5]) ^ (~e & v[6])) + SHA_K[t] + w[t]) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]))) | 0;
        v = [(t1 + t2) | 0, a, v[1], v[2], (v[3] + t1) | 0, e, v[5], v[6]];
      }
      hash = hash.map(function (x, i) { return (x + v[i]) | 0; });
    }
    return hash.map(function (x) { return ("0000000" + (x >>> 0).toString(16)).slice(-8); }).join("");
  }

  function utf8Length(ch) { var c = ch.codePointAt(0); return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

  /** Runs of letters and digits (with their marks) joined by hyphens, cut to SLUG_BYTES of UTF-8. */
  function slug(key) {
    var words = (key.match(/(?:[\p{L}\p{N}]\p{M}*)+/gu) || []).join("-");
    var cut = "", used = 0;
    Array.from(words).every(function (ch) {
      used += utf8Length(ch);
      if (used > SLUG_BYTES) return false;
      cut += ch;
      return true;
    });
    return cut.replace(/-+$/, "");
  }

  /** The learner's part of a file name, "<slug>-<hash>" (or "<hash>"), null without a name. */
  function learnerPart(learner) {
    var key = learnerKey(learner);
    if (key === null) return null;
    var digest = sha256Hex(key).slice(0, HASH_DIGITS);
    var readable = slug(key);
    return readable ? readable + "-" + digest : digest;
  }

  /** "<exercise>-<learner part>-<YYYY-MM-DD>-tags.json", the date of the work (today if unsaved);
   * suffix, if given, names another kind of work ("-answers.json"), as download_file_name's. */
  function downloadName(exercise, learner, savedAt, suffix) {
    var day = (savedAt || "").slice(0, 10);
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(day)) day = nowIso().slice(0, 10);
    var part = learnerPart(learner);
    return exercise + "-" + (part ? part + "-" : "") + day + (suffix || "-tags.json");
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /** Local time as ISO 8601 with the UTC offset, to the second (medialit.tagfile.model.now_iso), or to the millisecond. */
  function nowIso(date, milliseconds) {
    var d = date || new Date();
    var offset = -d.getTimezoneOffset();
    var sign = offset < 0 ? "-" : "+";
    var abs = Math.abs(offset);
    var fraction = milliseconds ? "." + String(d.getMilliseconds() + 1000).slice(1) : "";
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T" + pad(d.getHours()) +
      ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds()) + fraction + sign + pad(Math.floor(abs / 60)) + ":" + pad(abs % 60);
  }

  /** When a passage is edited, as medialit.tagfile.model.edit_time writes it. */
  function editTime(date) { return nowIso(date, true); }

  /** The tag file's JSON object for the learner's state. */
  function tagFile(payload, state) {
    var data = { format: payload.format, case: payload.case, exercise: payload.exercise };
    if (state.learner) data.learner = state.learner;
    data.saved_at = state.saved_at || nowIso();
    data.tags = state.tags;
    if (Object.keys(state.cues).length) data.cues = state.cues;
    if (Object.keys(state.notes).length) data.notes = state.notes;
    if (Object.keys(state.confidence || {}).length) data.confidence = state.confidence;
    if (Object.keys(state.edited).length) data.edited = state.edited;
    return data;
  }

  function emptyState() { return { learner: null, saved_at: null, tags: {}, cues: {}, notes: {}, confidence: {}, edited: {} }; }

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
    if (isObject(data.confidence)) {
      var levels = (payload.confidence ? payload.confidence.levels : []).map(function (l) { return l.id; });
      Object.keys(data.confidence).forEach(function (pid) {
        if (mine(pid) && levels.indexOf(data.confidence[pid]) >= 0) state.confidence[pid] = data.confidence[pid];
      });
    }
    if (isObject(data.edited)) {
      Object.keys(data.edited).forEach(function (pid) {
        var when = data.edited[pid];
        if (known[pid] && typeof when === "string" && EDIT_TIME.test(when) && instant(when) !== null) state.edited[pid] = when;
      });
    }
    state.saved_at = typeof data.saved_at === "string" ? data.saved_at : null;
    return kept(typeof data.learner === "string" ? data.learner : null);
  }

  /* ---- Two tabs of one exercise: the merge rule of medialit.tagfile.merge, to the letter ---- */

  /** An ISO 8601 time as milliseconds since 1970 (local time without an offset), else null. */
  function instant(value) {
    if (typeof value !== "string") return null;
    var time = Date.parse(value);
    return Number.isNaN(time) ? null : time;
  }

  function section(state, name) { return state[name] || {}; }

  /** Every passage the state has tags, cue words, a note or an edit time for. */
  function passageIds(state) {
    var ids = [];
    ["tags", "cues", "notes", "confidence", "edited"].forEach(function (name) {
      Object.keys(section(state, name)).forEach(function (pid) { if (ids.indexOf(pid) < 0) ids.push(pid); });
    });
    return ids;
  }

  /** When the state last changed a passage: its edit time, else saved_at if it has something for it. */
  function editTimeOf(state, pid) {
    if (own(section(state, "edited"), pid)) return state.edited[pid];
    var content = ["tags", "cues", "notes", "confidence"].some(function (name) { return own(section(state, name), pid); });
    return content ? state.saved_at : null;
  }

  function editTimes(state) {
    var times = {};
    passageIds(state).forEach(function (pid) {
      var when = editTimeOf(state, pid);
      if (when !== null && when !== undefined) times[pid] = when;
    });
    return times;
  }

  function sameList(a, b) {
    if (a === null || b === null) return a === b;
    return a.length === b.length && a.every(function (item, i) { return item === b[i]; });
  }

  function samePassage(a, b, pid) {
    var tagsA = own(section(a, "tags"), pid) ? a.tags[pid] : null;
    var tagsB = own(section(b, "tags"), pid) ? b.tags[pid] : null;
    var cuesA = own(section(a, "cues"), pid) ? a.cues[pid] : {};
    var cuesB = own(section(b, "cues"), pid) ? b.cues[pid] : {};
    var noteA = own(section(a, "notes"), pid) ? a.notes[pid] : null;
    var noteB = own(section(b, "notes"), pid) ? b.notes[pid] : null;
    var sureA = own(section(a, "confidence"), pid) ? a.confidence[pid] : null;
    var sureB = own(section(b, "confidence"), pid) ? b.confidence[pid] : null;
    var categories = Object.keys(cuesA);
    return sameList(tagsA, tagsB) && noteA === noteB && sureA === sureB && categories.length === Object.keys(cuesB).length &&
      categories.every(function (c) { return own(cuesB, c) && sameList(cuesA[c], cuesB[c]); });
  }

  function copyPassage(source, target, pid) {
    if (own(section(source, "tags"), pid)) target.tags[pid] = source.tags[pid].slice();
    var cues = own(section(source, "cues"), pid) ? source.cues[pid] : {};
    if (Object.keys(cues).length) {
      target.cues[pid] = {};
      Object.keys(cues).forEach(function (c) { target.cues[pid][c] = cues[c].slice(); });
    }
    if (own(section(source, "notes"), pid)) target.notes[pid] = source.notes[pid];
    if (own(section(source, "confidence"), pid)) target.confidence[pid] = source.confidence[pid];
  }

  /**
   * mine (this tab's state) merged with theirs (what another tab saved): passage by passage, the
   * later edit wins (mine on a tie). Returns {state, taken}: the passages theirs changed, sorted.
   */
  function merge(mine, theirs) {
    var merged = { learner: mine.learner, saved_at: mine.saved_at, tags: {}, cues: {}, notes: {}, confidence: {}, edited: {} };
    var taken = [];
    var ids = passageIds(mine);
    passageIds(theirs).forEach(function (pid) { if (ids.indexOf(pid) < 0) ids.push(pid); });
    ids.forEach(function (pid) {
      var mineAt = instant(editTimeOf(mine, pid));
      var theirsAt = instant(editTimeOf(theirs, pid));
      var theirsWins = theirsAt !== null && (mineAt === null || theirsAt > mineAt);
      var winner = theirsWins ? theirs : mine;
      copyPassage(winner, merged, pid);
      var when = editTimeOf(winner, pid);
      if (when !== null && when !== undefined) merged.edited[pid] = when;
      if (theirsWins && !samePassage(theirs, mine, pid)) taken.push(pid);
    });
    taken.sort();
    return { state: merged, taken: taken };
  }

  /** Passage ids as words, as medialit.tagfile.workspace.passage_list. */
  function passageList(ids) {
    var shown = ids.slice(0, 5), rest = ids.length - 5;
    if (rest > 0) return shown.join(", ") + " and " + rest + " more passage" + (rest > 1 ? "s" : "");
    return shown.length === 1 ? shown[0] : shown.slice(0, -1).join(", ") + " and " + shown[shown.length - 1];
  }

  /* ---- What a check says (medialit.rendering.check_words, word for word) ---- */

  function countText(n, noun) { return n + " " + (n === 1 ? noun : noun + "s"); }

  /** The feedback rows as groups in words.status_order: reviewed rows by status, then the unreviewed ones. */
  function checkGroups(words, rows) {
    var groups = [];
    words.status_order.forEach(function (status) {
      var chosen = rows.filter(function (r) { return status === "unreviewed" ? !r.reviewed : r.reviewed && r.status === status; });
      if (chosen.length) {
        groups.push({ status: status, title: words.status_titles[status] + " (" + countText(chosen.length, "tag") + ")", rows: chosen });
      }
    });
    return groups;
  }

  function coverageSentence(reviewed, total) {
    var said = "You reviewed " + reviewed + " of " + total + " passages.";
    var rest = total - reviewed;
    if (!rest) return said + " The feedback covers every passage.";
    if (!reviewed) return said + " Review some passages first: the scores count each passage you have not reviewed as tagged with nothing.";
    return said + " The feedback below is on those " + reviewed + " only; the key for the other " + countText(rest, "passage") +
      " stays closed at the end, so you can still do them first. The scores count a passage you have not reviewed as tagged with nothing.";
  }

  function extraSentence(label, notThis) {
    if (notThis) return "Why the key does not tag " + label.toLowerCase() + " here: " + notThis;
    return "The key does not tag " + label.toLowerCase() + " here, and gives no reason of its own: reread the definition before you tag it again.";
  }

  function kappaWords(kappa) {
    if (kappa === null || kappa === undefined || Number.isNaN(kappa)) return "cannot be worked out yet";
    if (kappa < 0) return "below chance: your tags and the key's mostly fall on different passages";
    if (kappa < 0.2) return "about chance: little agreement beyond ticking at random";
    if (kappa < 0.4) return "some agreement beyond chance";
    if (kappa < 0.6) return "moderate agreement";
    if (kappa < 0.8) return "good agreement";
    if (kappa < 1) return "strong agreement";
    return "full agreement with the key";
  }

  function cueSentence(learnerCues, hasKeyRow, tagged, cueF1) {
    if (learnerCues && (!hasKeyRow || cueF1 === null || cueF1 === undefined || Number.isNaN(cueF1))) {
      return "Your words: \u201c" + learnerCues + "\u201d.";
    }
    if (learnerCues) {
      var verdict = cueF1 >= 1 ? "are the key's cue" : cueF1 > 0 ? "overlap the key's cue in part (cue score " + numberText(cueF1) + ")" :
        "are not the key's cue: compare the words marked in the passage";
      return "Your words, \u201c" + learnerCues + "\u201d, " + verdict + ".";
    }
    if (tagged && hasKeyRow) return "You did not say which words: the key's cue is marked in the passage.";
    return "";
  }

  /** A template's {name} places filled from values. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return values[key]; });
  }

  /** The Brier score in words (brier_sentence), from the page data's words (BRIER_WORDS). */
  function brierSentence(words, brier, count, alwaysUnsure, unsureLabel) {
    if (!count || brier === null || brier === undefined || Number.isNaN(brier)) return words.none;
    var verdict = brier < alwaysUnsure ? "lower" : brier === alwaysUnsure ? "same" : "higher";
    var values = { brier: numberText(brier), count: countText(count, "answer"), unsure_label: unsureLabel, always_unsure: numberText(alwaysUnsure) };
    return fill(words.said, values) + " " + fill(words[verdict], values);
  }

  function changeSentence(gain) {
    if (gain === null || gain === undefined || Number.isNaN(gain)) return "Your change cannot be worked out: neither test has a skill with passages to score.";
    if (gain > 0) return "Over all skills your score went up by " + numberText(gain) + " from the pretest to the post-test.";
    if (gain < 0) return "Over all skills your score went down by " + numberText(-gain) + " from the pretest to the post-test.";
    return "Over all skills your score is the same on the pretest and the post-test.";
  }

  var core = {
    pyStrip: pyStrip, findSpan: findSpan, findSpans: findSpans, cueSegments: cueSegments,
    numberText: numberText, score: score, feedback: feedback, tagFile: tagFile, learnerKey: learnerKey,
    learnerPart: learnerPart, downloadName: downloadName, cleanLearner: cleanLearner, learnerKept: learnerKept,
    noteKept: noteKept, cuesKept: cuesKept, leftOutMessage: leftOutMessage, restore: restore,
    emptyState: emptyState, nowIso: nowIso, editTime: editTime, merge: merge, editTimes: editTimes,
    passageList: passageList, checkGroups: checkGroups, coverageSentence: coverageSentence,
    extraSentence: extraSentence, kappaWords: kappaWords, cueSentence: cueSentence,
    answerIsRight: answerIsRight, confidenceAnswers: confidenceAnswers, brierScore: brierScore,
    calibrationTable: calibrationTable, skillScores: skillScores, brierSentence: brierSentence, fill: fill,
    changeSentence: changeSentence
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
      var link = h(doc, "a", { href: URL.createObjectURL(blob), download: downloadName(payload.exercise, state.learner, data.saved_at) });
      doc.body.appendChild(link);
      link.click();
      link.remove();
      say("Downloaded " + link.download + ": " + progressText() + ". Keep it somewhere safe; Restore from file loads it again.");
    }

    // What this tab last read from or wrote to the browser's storage: if the storage holds something
    // else, another tab of this page saved since, and its work is merged in before this tab saves.
    var lastSeen = null;

    function adopt(text) {
      var theirs = restore(payload, text, "saved.json");
      if (!theirs.state) return;
      var merged = merge(state, theirs.state);
      state = merged.state;
      if (merged.taken.length) {
        say("This exercise is also open in another tab; its changes to " + passageList(merged.taken) + " were merged with yours.");
      }
    }

    function save() {
      state.saved_at = nowIso();
      try {
        var storage = root.ownerDocument.defaultView.localStorage;
        var current = storage.getItem(storeKey);
        if (current !== null && current !== lastSeen) adopt(current);
        var text = JSON.stringify(tagFile(payload, state));
        storage.setItem(storeKey, text);
        lastSeen = text;
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
    // A test form asks how sure the learner is: three radio buttons (arrow keys; a dot, not a colour, when chosen).
    var sureInputs = {};
    var sureBox = null;
    if (payload.confidence) {
      sureBox = h(doc, "fieldset", { "class": "medialit-inpage-confidence" }, [h(doc, "legend", { text: payload.confidence.question })]);
      payload.confidence.levels.forEach(function (l) {
        sureInputs[l.id] = h(doc, "input", { type: "radio", name: uid + "-confidence", id: uid + "-s-" + l.id, value: l.id });
        sureBox.appendChild(h(doc, "span", { "class": "medialit-inpage-choice" },
          [sureInputs[l.id], h(doc, "label", { "for": uid + "-s-" + l.id, text: l.label })]));
      });
    }
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
      place, context, fieldset, cueBox, field("Note", note), sureBox,
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
      Object.keys(sureInputs).forEach(function (id) { sureInputs[id].checked = state.confidence[p.id] === id; });
      var shown = visible();
      previous.disabled = shown.indexOf(at) <= 0;
      next.disabled = shown.indexOf(at) >= shown.length - 1;
      drawList();
    }

    function move(step) {
      var shown = visible();
      var target = shown[shown.indexOf(at) + step];
      // On to the next passage, with the focus on its first category: a few key presses each.
      if (target !== undefined) { at = target; draw(); boxes[payload.categories[0].id].focus(); }
    }

    function changed(pid) {
      if (pid) state.edited[pid] = editTime();
      save(); draw(); if (checked) showCheck(false);
    }

    // --- the check
    function cell(tag, text) { return h(doc, tag, { text: text }); }

    function highlighted(text, cues) {
      var out = h(doc, "span", {});
      cueSegments(text, cues).forEach(function (seg) {
        out.appendChild(seg[1] ? h(doc, "mark", { "class": "cue", text: seg[0] }) : doc.createTextNode(seg[0]));
      });
      return out;
    }

    function keyColumn(k, row, base) {
      if (k === "kappa words") return kappaWords(row.kappa);
      var values = { kappa: row.kappa, "baseline kappa": base.kappa, precision: row.precision, recall: row.recall, f1: row.f1, "baseline f1": base.f1 };
      return numberText(values[k]);
    }

    function feedbackItem(r, index) {
      var entry = index.rows[pairKey(r.passage_id, r.category)];
      var arguable = r.status !== "arguable" ? "" : !r.reviewed ? " (arguable: a careful reader could go either way)" :
        " (arguable: either choice is fine; " + (r.learner_tagged ? "you tagged it)" : "you did not tag it)");
      var item = h(doc, "li", {}, [
        h(doc, "p", {}, [h(doc, "strong", { text: r.passage_id + " \u00b7 " + labels[r.category] + (entry && entry.subtype_label ? ": " + entry.subtype_label : "") + arguable })]),
        h(doc, "p", { "class": "medialit-inpage-quote" }, [highlighted(index.texts[r.passage_id], entry ? entry.cues : [])])
      ]);
      if (entry) {
        if (r.rationale) item.appendChild(h(doc, "p", { text: r.rationale }));
        if (r.check) item.appendChild(h(doc, "p", { text: "Check: " + r.check }));
      } else {
        item.appendChild(h(doc, "p", { "class": "medialit-not-this", text: extraSentence(labels[r.category], r.not_this) }));
      }
      var cues = cueSentence(r.learner_cues, !!r.subtype, r.learner_tagged, r.cue_f1);
      if (cues) item.appendChild(h(doc, "p", { "class": "medialit-cue-compare", text: cues }));
      if (r.note) item.appendChild(h(doc, "p", { text: "Your note: " + r.note }));
      return item;
    }

    function showCheck(focus) {
      checked = true;
      var s = score(payload, state, state.learner || "(unnamed)");
      var index = keyIndex(payload);
      var words = payload.words;
      // A redraw after a change keeps each group as the learner left it, open or closed; a new check starts afresh.
      var wasOpen = {};
      if (!focus) result.querySelectorAll("details[data-status]").forEach(function (d) { wasOpen[d.getAttribute("data-status")] = d.open; });
      result.textContent = "";
      var head = h(doc, "tr", {}, [h(doc, "th", { scope: "col", text: "Category" })].concat(Object.keys(words.score_columns).map(function (k) {
        return h(doc, "th", { scope: "col", text: words.score_columns[k] });
      })));
      var body = h(doc, "tbody", {});
      payload.categories.forEach(function (c) {
        var row = s.categories[c.id], base = s.tick_everything[c.id];
        body.appendChild(h(doc, "tr", {}, [h(doc, "th", { scope: "row", text: c.label })].concat(
          Object.keys(words.score_columns).map(function (k) { return cell("td", keyColumn(k, row, base)); }))));
      });
      result.setAttribute("data-reviewed", String(s.reviewed));
      result.appendChild(h(doc, "h3", { text: "Your scores" }));
      result.appendChild(h(doc, "p", { "class": "medialit-coverage", text: coverageSentence(s.reviewed, s.total) }));
      result.appendChild(h(doc, "p", { text: words.scores_note }));
      result.appendChild(h(doc, "div", { "class": "medialit-inpage-table" }, [h(doc, "table", {}, [h(doc, "caption", { text: "Scores per category" }), h(doc, "thead", {}, [head]), body])]));
      result.appendChild(h(doc, "p", { text: "Micro F1: " + numberText(s.micro_f1) +
        ". Cue words: " + s.cue_credit.pairs + " scored, F1 " + numberText(s.cue_credit.f1) + "." }));
      if (payload.confidence) formCheck();
      result.appendChild(h(doc, "h3", { text: "Passage by passage" }));
      checkGroups(words, feedback(payload, state)).forEach(function (group) {
        var list = h(doc, "ul", {});
        group.rows.forEach(function (r) { list.appendChild(feedbackItem(r, index)); });
        var details = h(doc, "details", { "class": "medialit-feedback-" + group.status, "data-status": group.status },
          [h(doc, "summary", { text: group.title }), list]);
        details.open = own(wasOpen, group.status) ? wasOpen[group.status] : group.status !== "unreviewed";
        result.appendChild(details);
      });
      if (focus) result.focus();
    }

    function table(caption, headers, rows) {
      var head = h(doc, "tr", {}, headers.map(function (text) { return h(doc, "th", { scope: "col", text: text }); }));
      var body = h(doc, "tbody", {}, rows.map(function (row) {
        return h(doc, "tr", {}, [h(doc, "th", { scope: "row", text: row[0] })].concat(row.slice(1).map(function (text) { return cell("td", text); })));
      }));
      return h(doc, "div", { "class": "medialit-inpage-table" }, [h(doc, "table", {}, [h(doc, "caption", { text: caption }), h(doc, "thead", {}, [head]), body])]);
    }

    function svg(tag, attrs, children) {
      var el = doc.createElementNS("http://www.w3.org/2000/svg", tag);
      Object.keys(attrs).forEach(function (name) { if (name !== "text") el.setAttribute(name, attrs[name]); });
      if (attrs.text) el.textContent = attrs.text;
      (children || []).forEach(function (child) { el.appendChild(child); });
      return el;
    }

    /** The calibration plot drawn from the table's numbers, its alt text from them too (role img, title). */
    function calibrationSvg(rows) {
      var x = function (p) { return 40 + (p - 0.4) / 0.6 * 220; }, y = function (share) { return 190 - share * 170; };
      var used = rows.filter(function (r) { return r.count; });
      var alt = "How sure you were, and how often right: for each level of confidence, the share of your answers that were right " +
        "against the probability it stands for; points on the dashed diagonal are perfectly calibrated. " + rows.map(function (r) {
          return r.label + " (stands for " + numberText(r.stated) + "): " + (r.count ? countText(r.count, "answer") + ", " + numberText(r.share_right) + " right" : "no answers");
        }).join("; ") + ".";
      var titleId = uid + "-calibration-title";
      var parts = [svg("title", { id: titleId, text: alt }),
        svg("line", { x1: x(0.4), y1: y(0), x2: x(1), y2: y(0), stroke: "#000" }),
        svg("line", { x1: x(0.4), y1: y(0), x2: x(0.4), y2: y(1), stroke: "#000" }),
        svg("line", { x1: x(0.4), y1: y(0.4), x2: x(1), y2: y(1), stroke: "#000", "stroke-dasharray": "4 3" }),
        svg("text", { x: 150, y: 215, "text-anchor": "middle", "font-size": "11", text: "how sure you said you were" }),
        svg("text", { x: 12, y: 105, "font-size": "11", transform: "rotate(-90 12 105)", "text-anchor": "middle", text: "share right" })];
      used.forEach(function (r) {
        parts.push(svg("circle", { cx: x(r.stated), cy: y(r.share_right), r: 5, fill: "#0072B2", stroke: "#000", "data-level": r.level }));
        parts.push(svg("text", { x: x(r.stated) + 7, y: y(r.share_right) - 6, "font-size": "10", text: r.label + ", n=" + r.count }));
      });
      return svg("svg", { "class": "medialit-inpage-calibration", viewBox: "0 0 300 225", width: "300", height: "225", role: "img", "aria-labelledby": titleId }, parts);
    }

    /** The change per skill since the learner's pretest kept in this browser, or why there is none. */
    function changeSection(scores) {
      var earlier = payload.earlier;
      var text = null;
      try { text = root.ownerDocument.defaultView.localStorage.getItem("medialit:" + earlier.case + ":" + earlier.exercise); } catch (e) { text = null; }
      var before = text ? restore(earlier, text, "saved.json", false) : null;
      var none = !text ? "No " + earlier.exercise + " work was found in this browser, so there is nothing to compare with yet: do the " +
        earlier.exercise + " first, in this browser." : !before.state ? "Your " + earlier.exercise + " work kept in this browser could not be read, so it is not compared with." :
        learnerKey(before.state.learner) !== learnerKey(state.learner) ? "The " + earlier.exercise + " work kept in this browser was saved under another name (" +
        (before.state.learner ? "\u201c" + before.state.learner + "\u201d" : "no name") + "), so it is not compared with: give the same name or code in both." : "";
      result.appendChild(h(doc, "h3", { text: "Your change per skill" }));
      if (none) { result.appendChild(h(doc, "p", { "class": "medialit-change-none", text: none })); return; }
      var pre = skillScores(earlier, before.state);
      var rows = [], sums = { pre: [], post: [] };
      payload.categories.forEach(function (c) {
        var a = own(pre, c.id) ? pre[c.id] : null, b = scores[c.id];
        if (a !== null) sums.pre.push(a);
        if (b !== null) sums.post.push(b);
        rows.push([c.label, a, b]);
      });
      var mean = function (v) { return v.length ? v.reduce(function (t, n) { return t + n; }, 0) / v.length : null; };
      rows.push([payload.words.all_skills, mean(sums.pre), mean(sums.post)]);
      var columns = payload.words.change_columns;
      result.appendChild(table("Your change per skill", ["Skill", columns.pretest, columns.posttest, columns.change], rows.map(function (r) {
        return [r[0], numberText(r[1]), numberText(r[2]), numberText(r[1] === null || r[2] === null ? null : r[2] - r[1])];
      })));
      var all = rows[rows.length - 1];
      result.setAttribute("data-change", numberText(all[1] === null || all[2] === null ? null : all[2] - all[1]));
      result.appendChild(h(doc, "p", { text: changeSentence(all[1] === null || all[2] === null ? null : all[2] - all[1]) }));
    }

    /** A test form's check: the Brier score in words, calibration (table and plot), skills, the change. */
    function formCheck() {
      var levels = payload.confidence.levels;
      var answers = confidenceAnswers(payload, state);
      var brier = brierScore(answers);
      var unsure = brierScore(answers.map(function (a) { return Object.assign({}, a, { stated: levels[0].probability }); }));
      result.setAttribute("data-brier", numberText(brier));
      result.appendChild(h(doc, "h3", { text: "How sure you were" }));
      result.appendChild(h(doc, "p", { "class": "medialit-brier", text: brierSentence(payload.words.brier, brier, answers.length, unsure, levels[0].label) }));
      var calibration = calibrationTable(answers, levels);
      var columns = payload.words.calibration_columns;
      result.appendChild(table("How sure you were, and how often right", ["How sure", columns.count, columns.stated, columns.share_right],
        calibration.map(function (r) { return [r.label, String(r.count), numberText(r.stated), numberText(r.share_right)]; })));
      result.appendChild(calibrationSvg(calibration));
      var scores = skillScores(payload, state);
      result.appendChild(h(doc, "h3", { text: "Your score per skill" }));
      result.appendChild(h(doc, "p", { text: payload.words.skills_note }));
      result.appendChild(table("Your score per skill", ["Skill", "Your score"], payload.categories.map(function (c) { return [c.label, numberText(scores[c.id])]; })));
      if (payload.earlier) changeSection(scores);
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
        changed(pid);
      });
      cueInputs[c.id].addEventListener("change", function () {
        var pid = payload.passages[at].id;
        var cues = cuesKept(payload.passages[at].text, splitPhrases(cueInputs[c.id].value), payload.limits.cues);
        if (cues.kept.length) (state.cues[pid] || (state.cues[pid] = {}))[c.id] = cues.kept;
        else if (state.cues[pid]) { delete state.cues[pid][c.id]; if (!Object.keys(state.cues[pid]).length) delete state.cues[pid]; }
        changed(pid);
        if (cues.message) say(cues.message);
      });
    });
    none.addEventListener("change", function () {
      var pid = payload.passages[at].id;
      if (none.checked) { state.tags[pid] = []; delete state.cues[pid]; } else if (tagsNow(pid) && !tagsNow(pid).length) delete state.tags[pid];
      changed(pid);
    });
    note.addEventListener("change", function () {
      var pid = payload.passages[at].id;
      var typed = note.value;
      var kept = noteKept(pid, typed, payload.limits.note);
      if (kept.note !== null) state.notes[pid] = kept.note; else delete state.notes[pid];
      changed(pid);
      if (kept.message) { note.value = typed; say(kept.message); } // the box keeps the whole text, to copy the rest
    });
    Object.keys(sureInputs).forEach(function (id) {
      sureInputs[id].addEventListener("change", function () {
        if (!sureInputs[id].checked) return;
        state.confidence[payload.passages[at].id] = id;
        changed(payload.passages[at].id);
      });
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
    checkButton.addEventListener("click", function () { showCheck(true); });
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
      var now = editTime();
      var touched = passageIds(state).concat(passageIds(restored.state));
      state = restored.state;
      state.learner = learner;
      // Every passage is edited now, so another tab's older edits do not undo the restore.
      touched.forEach(function (pid) { state.edited[pid] = now; });
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
      lastSeen = kept;
    } catch (e) {
      say("Your browser is not keeping your work here (private browsing, or its storage is full). " +
        "Press Download my tags now and then to keep a copy of your work.");
    }
    if (kept) {
      var resumed = restore(payload, kept, "saved.json");
      if (resumed.state) {
        state = resumed.state;
        state.edited = editTimes(state); // work saved without edit times counts as edited when it was saved
        say("Resumed your work kept in this browser: " + progressText() + ".");
      }
    }
    // Another tab of this page saved: take its changes in at once, as its next save would.
    root.ownerDocument.defaultView.addEventListener("storage", function (event) {
      if (event.key !== storeKey || event.newValue === null || event.newValue === lastSeen) return;
      adopt(event.newValue);
      lastSeen = event.newValue;
      draw();
      if (checked) showCheck(false);
    });
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
