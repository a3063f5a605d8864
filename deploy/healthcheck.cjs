// Container healthchecks for docker-compose.yml. node:20-bookworm-slim has neither curl nor
// procps, so node itself does the probing.
//   node deploy/healthcheck.cjs http://127.0.0.1:3000/readyz  exit 0 when the URL answers 2xx
//   node deploy/healthcheck.cjs process main/start-worker.ts  exit 0 when another process runs it
const fs = require('node:fs');

const [target, pattern] = process.argv.slice(2);

/** Some process other than this one has `pattern` on its command line (read from /proc). */
function processRuns(needle) {
  return fs.readdirSync('/proc').some((pid) => {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      return cmdline.includes(needle);
    } catch {
      return false; // the process ended while we looked
    }
  });
}

if (target === 'process' && pattern) {
  process.exit(processRuns(pattern) ? 0 : 1);
} else if (target?.startsWith('http')) {
  fetch(target, { signal: AbortSignal.timeout(4000) }).then(
    (res) => process.exit(res.ok ? 0 : 1),
    () => process.exit(1),
  );
} else {
  console.error('usage: node deploy/healthcheck.cjs <url> | process <command-line part>');
  process.exit(64);
}
