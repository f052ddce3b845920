// The tagging widget's watch on its kernel (see kernel_watch.py): once the kernel is gone, say so
// in words and disable the widget's controls, since nothing they do could be saved any more.

const CONTROLS = "input, button, select, textarea";
// Statuses that mean the kernel that made this widget is gone: dead, shutting down, restarting.
const ENDED = new Set(["dead", "terminating", "restarting", "autorestarting"]);
// What a learner does that would reach the kernel: a press, a commit (change), Enter or Space.
const ACTIONS = ["pointerdown", "change", "keydown"];

// Whether the server still has the kernel (true, false, or null if the server cannot be reached).
// A kernel shut down on the server (culled for being idle, say) can leave its connection open and
// silent, as Voila's does, so only this tells.
async function serverHasKernel(kernel) {
  try {
    const settings = kernel.serverSettings;
    const base = settings.baseUrl.endsWith("/") ? settings.baseUrl : `${settings.baseUrl}/`;
    const headers = settings.token ? { Authorization: `token ${settings.token}` } : {};
    const url = `${base}api/kernels/${encodeURIComponent(kernel.id)}`;
    const response = await fetch(url, { headers, cache: "no-store", credentials: "same-origin" });
    return response.status !== 404;
  } catch {
    return null;
  }
}

function render({ model, el, signal }) {
  const note = document.createElement("p");
  note.className = "medialit-kernel-note";
  note.setAttribute("role", "alert"); // present (empty) from the start, so the words are announced
  el.append(note);
  // JupyterLab's kernel connection, which Notebook 7 and Voila use too. A front end that does not
  // show its kernel relies on ipywidgets' word alone.
  const kernel = model.widget_manager?.kernel ?? null;
  const disabledHere = new Set();
  let ended = false; // for good: a kernel that ended does not come back to this widget
  // The kernel process that made this widget, known by the session of its status messages: a
  // restart through the REST API (another tab, a script) shows the page nothing else.
  let kernelSession = null;
  let asking = false; // one question to the server at a time,
  let askAgain = false; // and one more if the learner acted meanwhile

  function kernelDown() {
    if (!kernel) return false;
    ended ||= Boolean(kernel.isDisposed) || ENDED.has(kernel.status);
    const connection = kernel.connectionStatus;
    return connection !== undefined && connection !== "connected";
  }

  // The state is marked on this element (data-medialit-kernel) only once the controls match it.
  function update() {
    const down = kernelDown();
    const lost = ended || down;
    note.textContent = lost ? model.get("message") : "";
    const root = el.closest(".medialit-tagging");
    if (lost && root === null) {
      // Lost before the tagging widget put this view in the page: try again once it has.
      if (!signal?.aborted) requestAnimationFrame(update);
      return;
    }
    if (lost) {
      for (const control of root.querySelectorAll(CONTROLS)) {
        if (!control.disabled) {
          control.disabled = true;
          disabledHere.add(control);
        }
      }
    } else {
      for (const control of disabledHere) control.disabled = false;
      disabledHere.clear();
    }
    el.dataset.medialitKernel = lost ? "lost" : "live";
  }

  // When the learner acts on the widget, or comes back to the page, ask the server.
  async function check() {
    if (!kernel?.id || !kernel.serverSettings || ended) return;
    if (asking) {
      askAgain = true;
      return;
    }
    asking = true;
    const answer = await serverHasKernel(kernel);
    asking = false;
    ended ||= answer === false; // an unreachable server also drops the connection, seen above
    update();
    if (askAgain) {
      askAgain = false;
      check();
    }
  }

  // ipywidgets tells a model that its kernel is gone with "comm_live_update" (JupyterLab and
  // Notebook 7 do when the kernel restarts) and never brings such a model back.
  const kernelEnded = () => {
    ended = true;
    update();
  };
  const heard = (_, message) => {
    if (message?.header?.msg_type !== "status") return;
    kernelSession ??= message.header.session;
    if (message.header.session !== kernelSession) kernelEnded();
  };
  const shown = () => {
    if (document.visibilityState === "visible") check();
  };
  const sources = kernel ? [kernel.statusChanged, kernel.connectionStatusChanged, kernel.disposed] : [];
  for (const source of sources) source?.connect(update);
  kernel?.iopubMessage?.connect(heard);
  model.on("comm_live_update", kernelEnded);
  model.on("change:message", update);
  const acted = (event) => {
    const key = event.type !== "keydown" || event.key === "Enter" || event.key === " ";
    if (key && (el.closest(".medialit-tagging") ?? el).contains(event.target)) check();
  };
  document.addEventListener("visibilitychange", shown);
  for (const action of ACTIONS) document.addEventListener(action, acted, true);
  update();
  return () => {
    for (const source of sources) source?.disconnect(update);
    kernel?.iopubMessage?.disconnect(heard);
    model.off("comm_live_update", kernelEnded);
    model.off("change:message", update);
    document.removeEventListener("visibilitychange", shown);
    for (const action of ACTIONS) document.removeEventListener(action, acted, true);
  };
}

export default { render };
