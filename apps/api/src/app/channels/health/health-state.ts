import type { WhatsappState } from '@switchboard/contracts';

export interface HealthState {
  state: WhatsappState;
  consecutiveFailures: number;
}

export const initialHealth: HealthState = { state: 'unknown', consecutiveFailures: 0 };

/**
 * The channel's state from what its calls did: any success → connected; failures in a row →
 * degraded, and down once there were `downAfter` of them.
 */
export function afterResult(current: HealthState, ok: boolean, downAfter: number): HealthState {
  if (ok) return { state: 'connected', consecutiveFailures: 0 };
  const consecutiveFailures = current.consecutiveFailures + 1;
  return { state: consecutiveFailures >= downAfter ? 'down' : 'degraded', consecutiveFailures };
}
