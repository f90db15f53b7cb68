// Idle cost of a page: frames per second and main-thread CPU while nobody touches it.
// Used by tests/e2e/idle.test.mjs and the benchmark for the explorer and the baseline.
//
//   import { measureIdle } from '../bench/idle.mjs';
//   const r = await measureIdle(page, 5);
//   // { seconds, frames, fps, taskSeconds, cpu, framesSource }
//
// - CPU: CDP Performance.getMetrics "TaskDuration" (seconds the renderer's main thread was busy)
//   before and after; cpu = busy / wall time (0.66 = 66 % of one core).
// - Frames: window.explorer.state().frames when the page has it; otherwise the number of
//   requestAnimationFrame callbacks the page itself ran (a counting wrapper is installed on first
//   use; an emscripten main loop asks for one per frame). Counting adds no frames of its own.
// The page should be loaded and settled first; the mouse should not move during the measure.

async function taskDuration(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = metrics.find((x) => x.name === 'TaskDuration');
  if (!m) throw new Error('CDP Performance.getMetrics gave no TaskDuration');
  return m.value;
}

async function frameCounter(page) {
  const hasExplorer = await page.evaluate(
    () => !!(window.explorer && typeof window.explorer.state === 'function' && window.explorer.state().ready),
  );
  if (hasExplorer) {
    return { source: 'state().frames', read: () => page.evaluate(() => window.explorer.state().frames) };
  }
  await page.evaluate(() => {
    if (window.__rxIdleFrames !== undefined) return;
    window.__rxIdleFrames = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) =>
      raf((ts) => {
        window.__rxIdleFrames++;
        cb(ts);
      });
  });
  // Let a running loop pick up the wrapper before counting.
  await page.waitForTimeout(200);
  return { source: 'requestAnimationFrame', read: () => page.evaluate(() => window.__rxIdleFrames) };
}

export async function measureIdle(page, seconds = 5) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const counter = await frameCounter(page);
    const f0 = await counter.read();
    const t0 = await taskDuration(cdp);
    const w0 = Date.now();
    await page.waitForTimeout(seconds * 1000);
    const t1 = await taskDuration(cdp);
    const f1 = await counter.read();
    const wall = (Date.now() - w0) / 1000;
    const frames = f1 - f0;
    const taskSeconds = t1 - t0;
    return {
      seconds: wall,
      frames,
      fps: frames / wall,
      taskSeconds,
      cpu: taskSeconds / wall,
      framesSource: counter.source,
    };
  } finally {
    await cdp.detach().catch(() => {});
  }
}
