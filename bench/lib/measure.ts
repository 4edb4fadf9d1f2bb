import { spawnSync } from "node:child_process";

export interface ProcessSample {
  seconds: number;
  /** Peak resident memory of the process, in MB (from GNU time). */
  peakMb: number;
}

/** Runs a command under GNU time and returns its wall time and peak memory; throws when it fails. */
export function timeProcess(command: string, args: string[], cwd: string): ProcessSample {
  const result = spawnSync("/usr/bin/time", ["-f", "__bench %e %M", command, ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const line = result.stderr.split("\n").find((l) => l.startsWith("__bench "));
  if (result.status !== 0 || !line) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  const [, seconds, kilobytes] = line.split(" ");
  return { seconds: Number(seconds), peakMb: Number(kilobytes) / 1024 };
}

/** One warm-up run, then `runs` measured runs; the median of each figure. */
export function medianOfRuns(runs: number, sample: () => ProcessSample): ProcessSample {
  sample();
  const samples = Array.from({ length: runs }, sample);
  return { seconds: median(samples.map((s) => s.seconds)), peakMb: median(samples.map((s) => s.peakMb)) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
