// The file picker (see file_picker.py): a label drawn as a button around a real file input. The
// files chosen are read here and sent to Python in one message, names in it, contents as buffers.

const FILES_MESSAGE = "medialit-files";

function render({ model, el }) {
  const label = document.createElement("label");
  // ipywidgets' own button classes (the same in 7 and 8), so it looks like the other buttons
  label.className = "medialit-file-picker jupyter-button widget-button";
  const words = document.createElement("span");
  const input = document.createElement("input");
  input.type = "file";
  label.append(words, input);
  el.append(label);
  el.dataset.medialitFiles = "0";
  let sent = 0;

  function draw() {
    words.textContent = model.get("description");
    input.accept = model.get("accept");
    input.multiple = Boolean(model.get("multiple"));
  }

  async function chosen() {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    try {
      const buffers = await Promise.all(files.map((file) => file.arrayBuffer()));
      model.send({ kind: FILES_MESSAGE, names: files.map((file) => file.name) }, undefined, buffers);
      sent += 1;
      el.dataset.medialitFiles = String(sent);
    } finally {
      input.value = ""; // so that choosing the same file again is a new choice
    }
  }

  model.on("change:description", draw);
  model.on("change:accept", draw);
  model.on("change:multiple", draw);
  input.addEventListener("change", chosen);
  draw();
  return () => {
    model.off("change:description", draw);
    model.off("change:accept", draw);
    model.off("change:multiple", draw);
    input.removeEventListener("change", chosen);
  };
}

export default { render };
