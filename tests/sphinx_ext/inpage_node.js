// Run the page's own script under Node: read {payload, sets: [{data, label}], numbers, files, names,
// merges, lists, calls} on stdin (calls: [{fn, args}] of the script's exported functions), print what
// the script makes of each.
"use strict";
const core = require(process.argv[2]);
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const job = JSON.parse(input);
  const results = job.sets.map((set) => {
    const score = core.score(job.payload, set.data, set.label);
    const feedback = core.feedback(job.payload, set.data);
    const texts = [];
    const walk = (value) => {
      if (value === null || typeof value === "number") texts.push(core.numberText(value));
      else if (typeof value === "object") Object.keys(value).forEach((k) => walk(value[k]));
    };
    walk(score);
    return { score, feedback, texts };
  });
  const segments = job.payload.key.map((row) => {
    const text = job.payload.passages.find((p) => p.id === row.passage_id).text;
    return core.cueSegments(text, row.cues);
  });
  const numbers = job.numbers.map(core.numberText);
  const restored = (job.files || []).map((file) => core.restore(job.payload, file.text, file.name, !!file.anyway));
  const names = (job.names || []).map(([learner, savedAt]) => [
    core.learnerKey(learner), core.learnerPart(learner), core.downloadName("hedging", learner, savedAt)
  ]);
  const merged = (job.merges || []).map((pair) => core.merge(pair.mine, pair.theirs));
  const lists = (job.lists || []).map(core.passageList);
  const calls = (job.calls || []).map((call) => core[call.fn].apply(null, call.args));
  process.stdout.write(JSON.stringify({ results, segments, numbers, restored, names, merged, lists, calls }));
});
