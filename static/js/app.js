// Teamlæring's small shared script. Page-specific behaviour lives in its own file.
document.addEventListener("htmx:responseError", (event) => {
  const status = event.detail.xhr.status;
  if (status === 401 || status === 403) {
    window.location.reload();
  }
});
