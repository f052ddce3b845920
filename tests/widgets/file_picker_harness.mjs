// Runs medialit/widgets/file_picker.js in Node against stand-ins for the page and the widget
// model; prints what the picker drew and what it sent to Python after each step, as JSON.
// Usage: node file_picker_harness.mjs path/to/file_picker.js  (see test_file_picker_js.py)
import { pathToFileURL } from "node:url";

class Element {
  constructor(tag) {
    this.tag = tag;
    this.children = [];
    this.dataset = {};
    this.listeners = {};
    this.textContent = "";
    this.className = "";
  }
  append(...children) {
    this.children.push(...children);
  }
  addEventListener(type, listener) {
    (this.listeners[type] ??= new Set()).add(listener);
  }
  removeEventListener(type, listener) {
    this.listeners[type]?.delete(listener);
  }
  // What an input keeps: its file list, emptied when its value is set to "".
  set value(text) {
    if (text === "") this.files = [];
  }
}
globalThis.document = { createElement: (tag) => new Element(tag) };

const file = (name, text) => ({ name, arrayBuffer: async () => new TextEncoder().encode(text).buffer });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const picker = (await import(pathToFileURL(process.argv[2]).href)).default;
const state = { description: "Restore from file", accept: ".json,.csv", multiple: false };
const handlers = {};
const sent = [];
const model = {
  get: (name) => state[name],
  on: (name, handler) => (handlers[name] ??= new Set()).add(handler),
  off: (name, handler) => handlers[name]?.delete(handler),
  send: (content, callbacks, buffers) =>
    sent.push({ content, buffers: buffers.map((buffer) => new TextDecoder().decode(buffer)) }),
};
const el = new Element("div");
const cleanup = picker.render({ model, el });
const [label] = el.children;
const [words, input] = label.children;

const seen = [];
const look = (step) =>
  seen.push({
    step,
    label: label.tag,
    classes: label.className,
    words: words.textContent,
    input: { tag: input.tag, type: input.type, accept: input.accept, multiple: input.multiple },
    files_left: input.files?.length ?? 0,
    count: el.dataset.medialitFiles,
    sent: sent.length,
  });
const choose = async (...files) => {
  input.files = files;
  for (const listener of input.listeners.change ?? []) listener({ type: "change" });
  await settle();
};

look("drawn");
await choose(file("mine.json", '{"a": 1}'));
look("chose mine.json");
await choose(file("mine.json", '{"a": 1}'));
look("chose mine.json again");
state.description = "Add class files";
state.multiple = true;
for (const handler of handlers["change:multiple"] ?? []) handler();
await choose(file("ada.json", "A"), file("bo.csv", "B"));
look("chose two");
await choose();
look("chose nothing");
cleanup();
const left = Object.values(handlers).reduce((count, set) => count + set.size, 0);
process.stdout.write(JSON.stringify({ seen, sent, handlers_left: left, input_listeners_left: input.listeners.change.size }));
