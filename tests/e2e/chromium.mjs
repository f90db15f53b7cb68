// Debian's Chromium with software WebGL2 (SwiftShader): the browser the tests and the bench
// drive (never `playwright install`: nothing is downloaded). RX_CHROMIUM names another binary.
// The network flags keep Chromium from calling home on a closed network.
export const CHROMIUM_ARGS = [
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const EXECUTABLE_PATH = process.env.RX_CHROMIUM || '/usr/bin/chromium';
