// Residual risk: how much an attack beats a control/baseline attack, as Anonymeter defines it.
import { wilson, type RateInterval } from './wilson.ts';

/** A rate and its symmetric error bound (Anonymeter's SuccessRate: value = Wilson centre, error = half-width). */
export interface RateWithError {
  rate: number;
  error: number;
}

/** A residual risk with its propagated error; low/high are clipped to [0, 1] (Anonymeter's bind_value). */
export interface ResidualRisk {
  /** (a - c0) / (1 - c0), unclipped: negative when the control is attacked more successfully. */
  residual: number;
  /** Propagated error: sqrt((da / (1 - c0))^2 + (dc0 (a - 1) / (1 - c0)^2)^2). */
  error: number;
  /** residual clipped to [0, 1]. */
  risk: number;
  low: number;
  high: number;
  attack: RateWithError;
  control: RateWithError;
}

const clip01 = (x: number): number => Math.min(Math.max(x, 0), 1);

/**
 * Residual risk of an attack rate a against a control rate c0: (a - c0)/(1 - c0), the share of the
 * room left above the control that the attack takes. The error is first-order (Gaussian) propagation
 * of the two independent errors through that formula, as Anonymeter's `residual_success` does:
 * dR/da = 1/|1 - c0|, dR/dc0 = (a - 1)/(1 - c0)^2. A control rate of 1 leaves nothing to measure: error.
 */
export function residualRisk(attack: RateWithError, control: RateWithError): ResidualRisk {
  const a = attack.rate;
  const c0 = control.rate;
  if (!(c0 < 1)) throw new Error(`residualRisk: the control succeeds every time (rate ${c0}); residual risk is undefined`);
  const residual = (a - c0) / (1 - c0);
  const dA = 1 / Math.abs(1 - c0);
  const dC = (a - 1) / (1 - c0) ** 2;
  const error = Math.sqrt((attack.error * dA) ** 2 + (control.error * dC) ** 2);
  return {
    residual, error, risk: clip01(residual), low: clip01(residual - error), high: clip01(residual + error),
    attack: { rate: a, error: attack.error }, control: { rate: c0, error: control.error },
  };
}

/** Residual risk from raw counts: k of n attacks succeeded, kc of nc control attacks did (Wilson on both). */
export function residualRiskFromCounts(
  k: number, n: number, kc: number, nc: number, confidence = 0.95,
): ResidualRisk & { attackInterval: RateInterval; controlInterval: RateInterval } {
  const attackInterval = wilson(k, n, confidence);
  const controlInterval = wilson(kc, nc, confidence);
  const r = residualRisk(
    { rate: attackInterval.rate, error: attackInterval.halfWidth },
    { rate: controlInterval.rate, error: controlInterval.halfWidth },
  );
  return { ...r, attackInterval, controlInterval };
}
