// Runs medialit/widgets/kernel_watch.js in Node against stand-ins for the page, the widget model
// and JupyterLab's kernel connection; prints, per scenario, what the watch showed after each step.
// Usage: node kernel_watch_harness.mjs path/to/kernel_watch.js  (see test_kernel_watch_js.py)
import { pathToFileURL } from "node:url";

class Signal {
  constructor() {
    this.slots = new Set();
  }
  connect(slot) {
    this.slots.add(slot);
  }
  disconnect(slot) {
    this.slots.delete(slot);
  }
  emit(args) {
    for (const slot of [...this.slots]) slot(this, args);
  }
}

const listeners = {};
globalThis.document = {
  visibilityState: "visible",
  createElement: () => ({ textContent: "", setAttribute() {} }),
  addEventListener: (type, listener) => (listeners[type] ??= new Set()).add(listener),
  removeEventListener: (type, listener) => listeners[type]?.delete(listener),
};
globalThis.requestAnimationFrame = (callback) => setTimeout(callback, 0);
let serverStatus = 200;
let asked = 0;
globalThis.fetch = async () => {
  asked += 1;
  return { status: serverStatus };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const fire = (type, event) => {
  for (const listener of listeners[type] ?? []) listener({ type, ...event });
};

async function scenario(watch, steps) {
  const kernel = {
    id: "k1",
    status: "idle",
    connectionStatus: "connected",
    isDisposed: false,
    serverSettings: { baseUrl: "http://127.0.0.1:8888", token: "" },
    statusChanged: new Signal(),
    connectionStatusChanged: new Signal(),
    disposed: new Signal(),
    iopubMessage: new Signal(),
  };
  const handlers = {};
  const model = {
    get: (name) => (name === "message" ? "SENTENCE" : undefined),
    on: (name, handler) => (handlers[name] ??= new Set()).add(handler),
    off: (name, handler) => handlers[name]?.delete(handler),
    trigger: (name) => handlers[name]?.forEach((handler) => handler()),
    widget_manager: { kernel },
  };
  const controls = [{ disabled: false }, { disabled: false }, { disabled: true }];
  const inside = {};
  const root = { querySelectorAll: () => controls, contains: (target) => target === inside };
  let note = null;
  const el = { dataset: {}, append: (child) => (note = child), closest: () => root };
  serverStatus = 200;
  asked = 0;
  const seen = [];
  const look = () => ({
    state: el.dataset.medialitKernel,
    note: note.textContent,
    disabled: controls.map((control) => control.disabled),
    asked,
  });
  const cleanup = watch.render({ model, el, signal: new AbortController().signal });
  seen.push(look());
  for (const step of steps) {
    step({ kernel, model, inside });
    await settle();
    seen.push(look());
  }
  cleanup();
  return seen;
}

const status = (kernel, session) =>
  kernel.iopubMessage.emit({ header: { msg_type: "status", session }, content: {} });
const connection = (value) => ({ kernel }) => {
  kernel.connectionStatus = value;
  kernel.connectionStatusChanged.emit(value);
};
const execution = (value) => ({ kernel }) => {
  kernel.status = value;
  kernel.statusChanged.emit(value);
};

const scenarios = {
  connection_drops_and_comes_back: [connection("connecting"), connection("connected")],
  another_kernel_process_answers: [
    ({ kernel }) => status(kernel, "kernel-1"),
    ({ kernel }) => status(kernel, "kernel-1"),
    ({ kernel }) => status(kernel, "kernel-2"),
    connection("connected"),
  ],
  ipywidgets_says_the_model_lost_its_kernel: [({ model }) => model.trigger("comm_live_update")],
  the_kernel_restarts: [execution("restarting"), execution("idle")],
  the_server_no_longer_has_the_kernel: [
    () => fire("pointerdown", { target: {} }), // outside the widget: nothing asked
    ({ inside }) => fire("pointerdown", { target: inside }),
    ({ inside }) => fire("keydown", { target: inside, key: "a" }), // typing: nothing asked
    ({ inside }) => {
      serverStatus = 404;
      fire("keydown", { target: inside, key: " " });
    },
    ({ inside }) => fire("change", { target: inside }), // gone for good: not asked again
  ],
};

const watch = (await import(pathToFileURL(process.argv[2]).href)).default;
const results = {};
for (const [name, steps] of Object.entries(scenarios)) results[name] = await scenario(watch, steps);
process.stdout.write(JSON.stringify(results));
