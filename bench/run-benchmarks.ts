import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { format, resolveConfig } from 'prettier';
import type { BenchLine } from './bench-line';
import { printLine } from './bench-line';
import { benchTimeToVerdict } from './p1-time-to-verdict';
import { benchHeavyLog } from './p2-heavy-log';
import { benchEngineThroughput } from './p3-engine-throughput';
import { benchRendererWeight } from './p4-renderer-weight';

/*
 * `npm run bench` (issue 9): runs P1..P4 in order, prints each line as soon as it is measured
 * (JSON only on stdout; progress on stderr), then writes docs/performance.md from the same lines.
 *
 * Bundled by vite.bench.config.mts into out/bench/run-benchmarks.mjs and run with plain Node
 * inside scripts/with-keyring.sh (P4's handlers probe the OS keychain, as the app does on load).
 * `--only P3,P4` runs a subset; docs/performance.md is then left as it is, since a table of some
 * metrics next to older figures of others would not be one run's figures.
 */

/** The exact command that reproduces docs/performance.md (after the README's set-up). */
export const BENCH_COMMAND = 'npm run bench';

/** One benchmark of the run: its id for `--only`, and how to measure it. */
interface Benchmark {
  readonly id: 'P1' | 'P2' | 'P3' | 'P4';
  readonly title: string;
  readonly run: (context: RunContext) => Promise<readonly BenchLine[]>;
}

interface RunContext {
  readonly outDir: string;
  /** Filled in by P4, which is the only benchmark that starts a browser. */
  chromiumVersion: string | null;
}

const BENCHMARKS: readonly Benchmark[] = [
  { id: 'P1', title: 'time to verdict', run: async () => [await benchTimeToVerdict()] },
  { id: 'P2', title: 'heavy log', run: async () => [await benchHeavyLog()] },
  { id: 'P3', title: 'engine throughput', run: async () => [await benchEngineThroughput()] },
  {
    id: 'P4',
    title: 'renderer weight',
    run: async (context) => {
      const result = await benchRendererWeight({ outDir: context.outDir, log: progress });
      context.chromiumVersion = result.chromiumVersion;
      return result.lines;
    },
  },
];

/** How each metric is measured, for docs/performance.md (keyed by the line's metric prefix). */
const METHODS: readonly (readonly [prefix: string, text: string])[] = [
  [
    'P1',
    'One demo user (a legacy-authentication block) diagnosed live from the demo tenant over HTTPS through the official SDKs, every request 100 ms late: the collector as shipped, against the same plan with every call one after another (`maxConcurrentCalls: 1`), and against the critical path of the plan (its longest chain of dependent requests × the latency, measured in the sequential run of the same round); ratios taken per round, then medianed; bench/p1-time-to-verdict.ts.',
  ],
  [
    'P2',
    "The scale generator's heavy user (a mail relay denied every few seconds: 50,000 System Log events in 7 days) collected and diagnosed over a 7-day window through the official SDKs, every request 100 ms late. The demo tenant runs in a child process of its own (bench/demo-tenant-child.ts), as a real Okta runs elsewhere, so its CPU and memory are not the collector's. The System Log step's time against the paging bound (pages × latency ÷ the slices fetched at once), and the growth of the collector process's resident memory only, the tenant's excluded (the largest of the runs); the CPU time of either process is reported beside it; median of 3 runs; bench/p2-heavy-log.ts.",
  ],
  [
    'P3',
    "The pure engine on bench/large-bundle.ts's bundle (50,000 Okta events and 5,000 Entra sign-ins over 7 days): parse and validate the JSON, then `diagnose`; events per second over the 50,000 Okta events only, median of 7 runs after 2 warm-up runs. Each run also times a bare `JSON.parse` of the same text, the floor under any reader of the format; bench/p3-engine-throughput.ts.",
  ],
  [
    'P4 renderer weight: initial JS',
    'The entry script of out/renderer/index.html and its `modulepreload` links (not lazy chunks such as the timeline chart), each gzipped at level 9 with node:zlib, summed; 1 kB = 1024 bytes; bench/p4-renderer-weight.ts.',
  ],
  [
    'P4 renderer weight: step transition',
    "The built renderer in Debian's Chromium with the real main-process handlers behind the bridge, as in the e2e tests. Timed in the page with `performance.now()` from the click (a capture listener on the document) to the first frame painted after the next step's heading entered the DOM (a MutationObserver, then a task posted from the next `requestAnimationFrame`). Transitions that wait on nothing but the renderer: tenant → subject, verdict → fix, fix → notes, notes → fix (Back); one warm-up round each, then 5 rounds (20 transitions), median; bench/p4-renderer-weight.ts.",
  ],
];

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The repository: the nearest folder up from this file (out/bench/ when bundled) with package.json. */
function repositoryRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${import.meta.dirname}`);
    dir = parent;
  }
  return dir;
}

/** The benchmarks `--only P3,P4` asks for (all by default). */
function selected(argv: readonly string[]): readonly Benchmark[] {
  const at = argv.indexOf('--only');
  if (at === -1) return BENCHMARKS;
  const ids = (argv[at + 1] ?? '').split(',').map((id) => id.trim().toUpperCase());
  const chosen = BENCHMARKS.filter((b) => ids.includes(b.id));
  if (chosen.length === 0) throw new Error(`--only wants a list such as P3,P4, not "${argv[at + 1] ?? ''}"`);
  return chosen;
}

/** The facts about this machine that the figures depend on. */
function machine(
  chromiumVersion: string | null,
  loadAtStart: readonly number[],
): readonly (readonly [string, string])[] {
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(osRelease)?.[1];
  const cores = cpus();
  let commit = 'unknown';
  try {
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: repositoryRoot(), encoding: 'utf8', stdio: 'pipe' }).trim();
    commit = git('rev-parse', '--short', 'HEAD');
    if (git('status', '--porcelain') !== '') commit += ' with changes not yet committed';
  } catch {
    // Not a git checkout (an unpacked archive): the figures still stand, only unattributed.
  }
  return [
    ['OS', `${pretty ?? type()} (${type()} ${release()}, ${arch()})`],
    ['CPUs', `${String(cores.length)} × ${cores[0]?.model.trim() ?? 'unknown'}`],
    ['Memory', `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`],
    ['Node', process.versions.node],
    ['Chromium', chromiumVersion ?? 'not started in this run'],
    // Other work on the machine shows in every figure but the ratios; say how busy it was.
    ['Load average at the start (1, 5, 15 min)', loadAtStart.map((l) => l.toFixed(2)).join(', ')],
    ['Commit', commit],
  ];
}

/** A table cell: pipes escaped, so a note or goal cannot break the table. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** `key: value` pairs, one a line in the cell (`<br>`: a Markdown table row cannot hold a newline). */
function pairs(record: Readonly<Record<string, number>>): string {
  return Object.entries(record)
    .map(([key, value]) => `${key}: ${value.toLocaleString('en-US', { maximumFractionDigits: 3 })}`)
    .join('<br>');
}

/** docs/performance.md from one run's lines. */
function performanceDoc(
  lines: readonly BenchLine[],
  facts: readonly (readonly [string, string])[],
  startedAt: Date,
  seconds: number,
): string {
  const rows = lines.map(
    (l) =>
      `| ${cell(l.metric)} | ${cell(pairs(l.figures))} | ${cell(pairs(l.ratio))} | ${cell(l.goal)} | ${l.met ? 'yes' : '**no**'} |`,
  );
  const bounded = lines.filter((l) => !l.met || l.note !== undefined);
  const methods = METHODS.filter(([prefix]) => lines.some((l) => l.metric.startsWith(prefix)));
  return [
    '# Performance',
    '',
    `<!-- Written by \`${BENCH_COMMAND}\` (bench/run-benchmarks.ts); edits by hand are overwritten by the next run. -->`,
    '',
    `The figures of one run of \`${BENCH_COMMAND}\` on ${startedAt.toISOString().replace(/\.\d+Z$/, 'Z')}; the benchmarks took ${String(Math.round(seconds))} s after the build. Each figure is the median of several runs; each ratio is taken within the same run, so machine noise cancels.`,
    '',
    '| Metric | Figures | Ratio | Goal | Met |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## What bounds it',
    '',
    ...(bounded.length === 0
      ? ['Every goal was met in this run.']
      : bounded.flatMap((l) => [`- **${l.metric}** (${l.met ? 'met' : 'missed'}): ${l.note ?? 'no cause recorded.'}`])),
    '',
    '## The machine',
    '',
    ...facts.map(([name, value]) => `- ${name}: ${value}`),
    '',
    '## How each metric is measured',
    '',
    ...methods.map(([prefix, text]) => `- **${prefix}**: ${text}`),
    '',
    '## Reproduce',
    '',
    "From a fresh clone, after the README's set-up (`bash scripts/setup.sh`, which `npm start` and `npm test` also run first):",
    '',
    '```sh',
    `${BENCH_COMMAND}                           # builds, runs P1..P4, prints the lines, rewrites this file`,
    'npm run --silent bench > bench.jsonl     # the same, with only the JSON lines on stdout',
    'npm run bench -- --only P3,P4            # a subset; this file is left as it is',
    '```',
    '',
    '`npm run bench` builds the renderer (`npm run build`, needed by P4) and bundles the runner with Vite',
    '(`vite.bench.config.mts` → `out/bench/run-benchmarks.mjs`), then runs it with plain Node inside',
    "`scripts/with-keyring.sh` (P4's handlers probe the OS keychain, as the app does on load). Build output and",
    'progress go to stderr; stdout has one JSON object per line (`bench/bench-line.ts`). The demo tenant needs no',
    '`NODE_EXTRA_CA_CERTS`: its clients are given its certificate directly, for its own origins only. Figures differ',
    'between machines; the ratios and the met column are what to compare. `npm run bench:vitest` runs the older',
    "vitest benchmark of the engine (bench/engine.bench.ts) for vitest's own statistics.",
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  // stdout is the machine-readable output: anything a benchmark or a library logs with
  // console.log goes to stderr with the progress, so only printLine writes to stdout.
  console.log = console.error;
  console.info = console.error;
  const root = repositoryRoot();
  const benchmarks = selected(process.argv.slice(2));
  const context: RunContext = { outDir: join(root, 'out'), chromiumVersion: null };
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const t0 = performance.now();
  const lines: BenchLine[] = [];
  const failed: string[] = [];
  for (const benchmark of benchmarks) {
    progress(`${benchmark.id} ${benchmark.title}…`);
    const started = performance.now();
    try {
      for (const line of await benchmark.run(context)) {
        printLine(line);
        lines.push(line);
      }
      progress(`${benchmark.id} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error: unknown) {
      // One broken benchmark must not hide the others' figures; the run still fails at the end.
      failed.push(benchmark.id);
      progress(`${benchmark.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  progress(`all done in ${seconds.toFixed(1)} s`);
  if (failed.length > 0) {
    progress(`docs/performance.md not written: ${failed.join(', ')} failed`);
    process.exitCode = 1;
    return;
  }
  if (benchmarks.length !== BENCHMARKS.length) {
    progress('docs/performance.md not written: only part of the benchmarks ran (--only)');
    return;
  }
  const docPath = join(root, 'docs', 'performance.md');
  const markdown = performanceDoc(lines, machine(context.chromiumVersion, loadAtStart), startedAt, seconds);
  // Formatted as `prettier --check .` (part of npm test) expects, so a fresh run never fails it.
  const formatted = await format(markdown, { ...(await resolveConfig(docPath)), filepath: docPath });
  await writeFile(docPath, formatted);
  progress(`wrote ${relative(process.cwd(), docPath) || docPath}`);
}

await main();
