// Accessible mirror of the canvas (issue 7): keeps the static rendition in sync with the canvas.
// Filled in by the accessibility work.
