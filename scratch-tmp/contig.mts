import { planWorld } from '../generators/world.ts';
import { geography } from '../generators/calibration/tables.ts';
const plan = planWorld({ seed: 1, states: 'all', scale: 1, calibration: 'census2010', ssn: 'realistic' });
const f = (plan.context as any).frame;
let bad = 0;
const z = geography.zctas;
for (const [s, sf] of f.stateFrames) {
  const segs = f.segments.filter((g: any) => z.state[g.zcta] === s);
  const lo = Math.min(...segs.map((g: any) => g.start)), hi = Math.max(...segs.map((g: any) => g.end));
  const sum = segs.reduce((a: number, g: any) => a + g.end - g.start, 0);
  if (lo !== sf.start || hi - lo !== sum || sum !== sf.count) { bad++; console.log('noncontig', geography.states[s].abbr, lo, hi, sum, sf.start, sf.count); }
}
console.log('total', plan.totalPeople, 'bad', bad, 'order', f.states.slice(0,5));
