// The special functions as ARX's risk package evaluates them (org.deidentifier.arx.risk.Gamma), flaws
// included, so that `--compat arx` walks the same Newton path. Reimplemented from its behaviour.
import { logGamma } from '../special.ts';

const EULER = 0.5772156649015329;
const ZETA3 = 1.2020569031595942;
const ASYMPTOTIC_FROM = 12;
/** ARX's trigamma shifts its argument only up to 8 but adds the asymptotic tail only from 12. */
const TRIGAMMA_SHIFT_TO = 8;

/** digamma: reflection below 0, a two-term Taylor series up to 1e-6, then shift to 12 and de Moivre's series. */
export function arxDigamma(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return -Infinity;
  if (x < 0) return arxDigamma(1 - x) + Math.PI / Math.tan(-Math.PI * x);
  if (x <= 1e-6) return -EULER - 1 / x + (Math.PI * Math.PI * x) / 6;
  let sum = 0;
  for (; x < ASYMPTOTIC_FROM; x++) sum -= 1 / x;
  const r = 1 / x;
  const r2 = r * r;
  return sum + Math.log(x) - 0.5 * r - r2 * (1 / 12 - r2 * (1 / 120 - r2 * (1 / 252 - r2 * (1 / 240 - r2 / 132))));
}

/**
 * trigamma as ARX computes it: below 8 the argument is shifted up to [8, 9) and the asymptotic tail
 * (about 1/x) is then skipped, because ARX adds it only from 12 on. So for x < 12 this returns only
 * the partial sum; between 8 and 12 it returns 0. It only enters the Newton step (the Hessian).
 */
export function arxTrigamma(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (x === 0) return -Infinity;
  if (x < 0) {
    const r = Math.PI / Math.sin(-Math.PI * x);
    return -arxTrigamma(1 - x) + r * r;
  }
  if (x <= 1e-4) return 1 / (x * x) + (Math.PI * Math.PI) / 6 - 2 * ZETA3 * x;
  let sum = 0;
  for (; x < TRIGAMMA_SHIFT_TO; x++) sum += 1 / (x * x);
  if (x < ASYMPTOTIC_FROM) return sum;
  const r = 1 / (x * x);
  return sum + 0.5 * r + (1 + r * (1 / 6 + r * (-1 / 30 + r * (1 / 42 + r * (-1 / 30 + (r * 5) / 66))))) / x;
}

/** ln Gamma as Apache Commons Math defines it: NaN for x <= 0. */
export function arxLogGamma(x: number): number {
  return x > 0 ? logGamma(x) : NaN;
}

/** Gamma(x) with its sign (Commons Math's gamma): overflows to Infinity beyond ~171.6. */
export function arxGamma(x: number): number {
  if (x > 0) return Math.exp(logGamma(x));
  if (x === Math.floor(x)) return NaN;
  // Gamma alternates in sign between the negative integers: negative on (-1, 0), positive on (-2, -1), ...
  const sign = Math.ceil(-x) % 2 === 1 ? -1 : 1;
  return sign * Math.exp(logGamma(x));
}
