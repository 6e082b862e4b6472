/** One measured step of the chat load, judged as bench:chat judges it; bench:scale runs the same steps. */
import type { Harness } from './harness';
import type { CpuMeter, CpuWindow } from './cpu';
import { hostInfo } from '../shared/machine';
import { judge, type Scenario, type StepVerdict } from './scenario';
import { summarize, type LatencySummary } from './stats';

export interface JudgedStep {
  r: Awaited<ReturnType<Harness['step']>>;
  /** CPU over warm-up + measured window (the drain is quiet for a step that holds). */
  cpu: CpuWindow;
  /** What the rest of the machine used meanwhile, % of one core. */
  others: number;
  latency: LatencySummary;
  verdict: StepVerdict;
}

/** Step ids tag every clientMessageId; one database can serve several targets, so they are unique for the run. */
let stepNo = 0;

export async function runJudgedStep(
  h: Harness,
  meter: CpuMeter,
  scenario: Scenario,
  rate: number,
): Promise<JudgedStep> {
  meter.reset();
  let cpuWhileSending: CpuWindow | null = null;
  const r = await h.step(
    {
      step: ++stepNo,
      rate,
      warmupMs: scenario.warmupMs,
      measureMs: scenario.measureMs,
      drainMs: scenario.drainMs,
      lateMs: scenario.lateMs,
    },
    () => (cpuWhileSending = meter.read()),
  );
  const cpu: CpuWindow = cpuWhileSending ?? meter.read();
  const ours = Object.values(cpu.perGroup).reduce((a, b) => a + b, 0);
  const others = Math.max(0, (cpu.machineBusy / 100) * hostInfo().cpus * 100 - ours);
  const latency = summarize(r.samples);
  const errorAcks = Object.values(r.errorAcks).reduce((a, b) => a + b, 0);
  const disconnects = Object.values(r.disconnects).reduce((a, b) => a + b, 0);
  const verdict = judge(scenario, {
    lost: r.lost,
    errorAcks,
    p99: latency.p99,
    targetRate: rate,
    achievedRate: r.achievedRate,
    disconnects,
  });
  if (!verdict.pass && others >= 50) verdict.reasons.push(`other processes used ${Math.round(others)}% of a core`);
  return { r, cpu, others, latency, verdict };
}

/** The console line of a step; `cpuText` names the process groups as the benchmark calls them. */
export function stepLine(
  s: JudgedStep,
  rate: number,
  mark: { retry: boolean; forced: boolean },
  cpuText: string,
): string {
  const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  const { r, latency, verdict } = s;
  return (
    `  ${String(rate).padStart(5)} msg/s${mark.retry ? 'R' : mark.forced ? '*' : ' '} sent ${Math.round(r.achievedRate)}/s  recv ${r.received}/${r.expected}` +
    `  p50 ${ms(latency.p50)} p99 ${ms(latency.p99)} max ${ms(latency.max)} ms  cpu ${cpuText} others ${Math.round(s.others)}%` +
    `  ${verdict.pass ? 'held' : `FAIL (${verdict.reasons.join('; ')})`}`
  );
}
