// The drop page's script (served from this origin: the page's Content-Security-Policy allows no
// other). Without it the form posts to /review and the server answers with the review page.
"use strict";
(function () {
  const form = document.getElementById("drop-form");
  const input = document.getElementById("file");
  const zone = document.getElementById("drop-zone");
  const button = document.getElementById("read");
  const progress = document.getElementById("progress");

  function say(text, failed) {
    progress.textContent = text;
    progress.classList.toggle("failed", Boolean(failed));
  }

  function failWith(text) {
    say(text, true);
    button.disabled = false;
  }

  function errorOf(xhr) {
    try {
      return JSON.parse(xhr.responseText).error.message;
    } catch (e) {
      return "the server answered " + xhr.status;
    }
  }

  function poll(taskId, started) {
    fetch("/v1/status/" + encodeURIComponent(taskId), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        const seconds = Math.round((Date.now() - started) / 1000);
        if (status.status === "success") {
          say("Read. Opening its review page…");
          window.location.assign("/v1/review/" + encodeURIComponent(taskId));
        } else if (status.status === "failure") {
          failWith("Could not read " + status.file + ": " + status.error.message);
        } else if (status.error) {
          failWith(status.error.message);
        } else {
          say((status.status === "pending" ? "Waiting for a free reader… " : "Reading " + status.file + "… ")
              + seconds + " s");
          window.setTimeout(function () { poll(taskId, started); }, 500);
        }
      })
      .catch(function () { failWith("Lost touch with the server."); });
  }

  function upload(file) {
    if (!file) {
      failWith("Choose a PDF first.");
      return;
    }
    button.disabled = true;
    const data = new FormData(form);
    data.set("file", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/v1/extract/async");
    xhr.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        say("Uploading " + file.name + ": " + Math.round(100 * event.loaded / event.total) + "%");
      }
    });
    xhr.addEventListener("load", function () {
      if (xhr.status === 202) {
        poll(JSON.parse(xhr.responseText).task_id, Date.now());
      } else {
        failWith("Could not read " + file.name + ": " + errorOf(xhr));
      }
    });
    xhr.addEventListener("error", function () { failWith("The upload failed."); });
    say("Uploading " + file.name + "…");
    xhr.send(data);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    upload(input.files[0]);
  });
  ["dragenter", "dragover"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("over");
    });
  });
  ["dragleave", "dragend"].forEach(function (name) {
    document.addEventListener(name, function () { zone.classList.remove("over"); });
  });
  document.addEventListener("drop", function (event) {
    event.preventDefault();
    zone.classList.remove("over");
    const files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length) {
      upload(files[0]);
    }
  });
})();
