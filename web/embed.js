// Embed mode and host-page messaging (issue 5): reveal.js slide messages, the postMessage API.
// Filled in by the embed work; kept as its own file so boot.js stays small.
