/* Between the Lines: the lateral-reading tasks in the page (no server, no network).
 *
 * The page holds the tasks as JSON (medialit.rendering.lateral.lateral_payload), with what the
 * course found already rendered by Python; this script shows it for a task only once the
 * learner has committed an answer. Answers are kept in the browser's localStorage in the
 * lateral-answers file format, so Download my answers gives a file the notebook reads too, and
 * Restore from file loads one. A committed answer stands: a restore only adds answers to tasks
 * not yet committed here (medialit.tagfile.answers.add_missing), and restores nothing from a file
 * of another learner; when another tab commits too, each task's earlier commitment wins. The
 * learner's name and the download's name follow the in-page exercise's rules: inpage.js, loaded
 * before this script, gives them (MedialitInpage.learnerKept, learnerKey, downloadName).
 */
(function (root) {
  "use strict";
  var EDIT_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})$/;

  function h(doc, tag, attrs, children) {
    var el = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") el.textContent = attrs[name];
      else if (typeof attrs[name] === "boolean") el[name] = attrs[name];
      else el.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) el.appendChild(child); });
    return el;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function nowIso() {
    var d = new Date();
    var offset = -d.getTimezoneOffset();
    var sign = offset >= 0 ? "+" : "-";
    var ms = ("00" + d.getMilliseconds()).slice(-3);
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T" + pad(d.getHours()) + ":" +
      pad(d.getMinutes()) + ":" + pad(d.getSeconds()) + "." + ms + sign + pad(Math.floor(Math.abs(offset) / 60)) + ":" +
      pad(Math.abs(offset) % 60);
  }

  /** The answers of a file's text that fit these tasks, or {error}. */
  function readAnswers(payload, text) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return { error: "it is not a JSON file." }; }
    if (!data || data.format !== payload.format) return { error: "it is not a lateral-reading answers file." };
    if (data.case !== payload.case) return { error: "it is for another case (" + String(data.case) + ")." };
    var answers = {};
    var tasks = {};
    payload.tasks.forEach(function (t) { tasks[t.id] = t; });
    Object.keys(data.answers || {}).forEach(function (id) {
      var a = data.answers[id];
      var task = tasks[id];
      if (!task || !a || typeof a.choice !== "string" || !Object.prototype.hasOwnProperty.call(task.why, a.choice)) return;
      if (typeof a.committed_at !== "string" || !EDIT_TIME.test(a.committed_at)) return;
      answers[id] = { choice: a.choice, search: typeof a.search === "string" ? a.search.slice(0, payload.limits.search) : "",
        committed_at: a.committed_at };
    });
    var learner = typeof data.learner === "string" ? root.MedialitInpage.cleanLearner(data.learner, payload.limits.learner) : null;
    return { answers: answers, learner: learner };
  }

  /** Add their answers to the tasks mine has not committed (a restore: mine stand); return the ids taken. */
  function addMissing(mine, theirs) {
    var taken = Object.keys(theirs).filter(function (id) { return !mine[id]; });
    taken.forEach(function (id) { mine[id] = theirs[id]; });
    return taken;
  }

  /** Add their answers to tasks mine has not committed, or committed later; return the ids taken. */
  function mergeInto(mine, theirs) {
    var taken = [];
    Object.keys(theirs).forEach(function (id) {
      var own = mine[id];
      if (!own || Date.parse(theirs[id].committed_at) < Date.parse(own.committed_at)) {
        mine[id] = theirs[id];
        taken.push(id);
      }
    });
    return taken;
  }

  function mount(section) {
    var doc = section.ownerDocument;
    var win = doc.defaultView;
    var payload = JSON.parse(section.querySelector("script.medialit-lateral-data").textContent);
    var names = root.MedialitInpage;
    var words = payload.words;
    var storeKey = "medialit-lateral:" + payload.case;
    var answers = {};
    var learner = null;
    var lastSeen = null;
    var status = h(doc, "p", { "class": "medialit-lateral-status", role: "status" });
    var progress = h(doc, "p", { "class": "medialit-lateral-progress" });
    var views = {};

    function say(message) { status.textContent = message; }

    function fileData() {
      var data = { format: payload.format, case: payload.case };
      if (learner) data.learner = learner;
      data.saved_at = nowIso().replace(/\.[0-9]{3}/, "");
      data.answers = answers;
      return data;
    }

    function storage() { return win.localStorage; }

    function save() {
      try {
        var current = storage().getItem(storeKey);
        if (current !== null && current !== lastSeen) {
          var theirs = readAnswers(payload, current);
          if (theirs.answers) mergeInto(answers, theirs.answers);
        }
        var text = JSON.stringify(fileData());
        storage().setItem(storeKey, text);
        lastSeen = text;
        section.setAttribute("data-saved", String(Object.keys(answers).length));
      } catch (e) {
        say("Your browser is not keeping your answers here (private browsing, or its storage is full). " +
          "Press Download my answers to keep a copy.");
      }
    }

    function drawTask(task) {
      var v = views[task.id];
      var answer = answers[task.id];
      v.box.setAttribute("data-committed", answer ? "true" : "false");
      v.radios.forEach(function (radio) {
        radio.disabled = !!answer;
        if (answer) radio.checked = radio.value === answer.choice;
      });
      v.search.disabled = !!answer;
      v.commit.disabled = !!answer;
      v.reveal.textContent = "";
      v.reveal.hidden = !answer;
      if (!answer) return;
      v.search.value = answer.search;
      var right = answer.choice === task.right;
      var verdict = (right ? words.right : words.wrong).replace("{choice}", answer.choice).replace("{right}", task.right);
      var searched = answer.search ? words.search.replace("{search}", answer.search) : words.no_search;
      v.reveal.appendChild(h(doc, "p", { "class": "medialit-lateral-verdict", "data-right": right ? "true" : "false" },
        [h(doc, "strong", { text: verdict + " " + task.why[answer.choice] + " " + searched })]));
      var found = h(doc, "div", {});
      found.innerHTML = task.found_html; // rendered and escaped by Python at build time, from the course's data
      v.reveal.appendChild(found);
    }

    function drawAll() {
      payload.tasks.forEach(drawTask);
      progress.textContent = Object.keys(answers).length + " of " + payload.tasks.length + " tasks committed";
    }

    function commit(task) {
      var v = views[task.id];
      var picked = v.radios.filter(function (r) { return r.checked; })[0];
      if (!picked) { say("Pick an answer first: the course shows what it found once you commit."); v.radios[0].focus(); return; }
      answers[task.id] = { choice: picked.value, search: v.search.value.trim().slice(0, payload.limits.search), committed_at: nowIso() };
      save();
      drawAll();
      say("Your answer is committed and kept in this browser.");
      v.reveal.focus();
    }

    var list = h(doc, "div", { "class": "medialit-lateral-tasks" });
    payload.tasks.forEach(function (task) {
      var uid = "medialit-lateral-" + task.id;
      var question = h(doc, "div", { id: uid + "-q" });
      question.innerHTML = task.question_html; // rendered and escaped by Python at build time
      var radios = [];
      var fieldset = h(doc, "fieldset", { "aria-describedby": uid + "-q" }, [h(doc, "legend", { text: "Your answer" })]);
      task.choices.forEach(function (c) {
        var radio = h(doc, "input", { type: "radio", name: uid, id: uid + "-" + c.id, value: c.id });
        radios.push(radio);
        fieldset.appendChild(h(doc, "p", { "class": "medialit-lateral-choice" },
          [radio, h(doc, "label", { "for": radio.id, text: "(" + c.id + ") " + c.text })]));
      });
      var search = h(doc, "textarea", { id: uid + "-search", rows: "2", maxlength: String(payload.limits.search) });
      var button = h(doc, "button", { type: "button", text: "Commit my answer" });
      var reveal = h(doc, "div", { "class": "medialit-lateral-reveal", tabindex: "-1", role: "region",
        "aria-label": "What the course found" });
      var box = h(doc, "div", { "class": "medialit-lateral-item", "data-task": task.id }, [
        question, fieldset,
        h(doc, "p", {}, [h(doc, "label", { "for": search.id, text: "What would you search? (optional)" }), search]),
        h(doc, "p", {}, [button]), reveal
      ]);
      views[task.id] = { box: box, radios: radios, search: search, commit: button, reveal: reveal };
      button.addEventListener("click", function () { commit(task); });
      list.appendChild(box);
    });

    var name = h(doc, "input", { type: "text", id: "medialit-lateral-name", autocomplete: "off" });
    name.addEventListener("change", function () {
      var kept = names.learnerKept(name.value, payload.limits.learner);
      learner = kept.learner;
      save();
      section.setAttribute("data-learner", learner || "");
      say(kept.message || (learner ? "Your answers are kept in this browser for \u201c" + learner + "\u201d." :
        "Your answers are kept in this browser without a name."));
    });
    var download = h(doc, "button", { type: "button", text: "Download my answers" });
    var upload = h(doc, "input", { type: "file", id: "medialit-lateral-restore", accept: ".json,application/json" });
    download.addEventListener("click", function () {
      var data = fileData();
      var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
      var link = h(doc, "a", { href: URL.createObjectURL(blob),
        download: names.downloadName(payload.download.stem, learner, data.saved_at, payload.download.suffix) });
      doc.body.appendChild(link);
      link.click();
      link.remove();
      say("Downloaded " + link.getAttribute("download") + ". Keep it somewhere safe; Restore from file loads it again.");
    });
    upload.addEventListener("change", function () {
      var file = upload.files && upload.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var read = readAnswers(payload, String(reader.result));
        upload.value = "";
        if (read.error) { section.setAttribute("data-restore", "refused"); say("Nothing was restored from " + file.name + ": " + read.error); return; }
        if (read.learner && learner && names.learnerKey(read.learner) !== names.learnerKey(learner)) {
          section.setAttribute("data-restore", "other-learner");
          say(names.fill(payload.restore.other_learner, { name: file.name, theirs: read.learner, mine: learner }));
          return;
        }
        var taken = addMissing(answers, read.answers);
        var said = [names.fill(payload.restore.restored, { name: file.name, count: taken.length })];
        if (!learner && read.learner) {
          learner = name.value = read.learner;
          said.push(names.fill(payload.restore.named, { learner: learner }));
        }
        save();
        drawAll();
        section.setAttribute("data-restore", "restored");
        say(said.join(" "));
      };
      reader.readAsText(file);
    });

    try {
      var kept = storage().getItem(storeKey);
      lastSeen = kept;
      if (kept) {
        var read = readAnswers(payload, kept);
        if (read.answers) {
          answers = read.answers;
          learner = read.learner;
          name.value = learner || "";
          say("Resumed your answers kept in this browser.");
        }
      }
    } catch (e) {
      say("Your browser is not keeping your answers here (private browsing, or its storage is full). " +
        "Press Download my answers now and then to keep a copy.");
    }
    win.addEventListener("storage", function (event) {
      if (event.key !== storeKey || event.newValue === null || event.newValue === lastSeen) return;
      var theirs = readAnswers(payload, event.newValue);
      if (theirs.answers) { mergeInto(answers, theirs.answers); lastSeen = event.newValue; drawAll(); }
    });

    var app = h(doc, "div", { "class": "medialit-lateral-app" }, [
      h(doc, "p", {}, [h(doc, "strong", { text: payload.title })]),
      h(doc, "p", { "class": "medialit-lateral-name" }, [h(doc, "label", { "for": name.id, text: "Your name or code (optional)" }), name]),
      progress, list,
      h(doc, "div", { "class": "medialit-lateral-files" }, [download, h(doc, "label", { "for": upload.id, text: "Restore from file" }), upload]),
      status
    ]);
    section.insertBefore(app, section.firstChild);
    drawAll();
    section.setAttribute("data-ready", "true");
  }

  function mountAll(doc) {
    Array.prototype.forEach.call(doc.querySelectorAll(".medialit-lateral"), function (el) {
      if (el.getAttribute("data-ready") !== "true") mount(el);
    });
  }

  if (root.document) {
    if (root.document.readyState === "loading") root.document.addEventListener("DOMContentLoaded", function () { mountAll(root.document); });
    else mountAll(root.document);
  }
})(typeof self !== "undefined" ? self : this);
