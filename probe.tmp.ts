import { createEngine, setCell, readCell, evaluateFormula } from './src/engine';
const e = createEngine();
setCell(e, 'A3', 7);
for (const n of [1000, 1200, 1400, 1500, 4096]) {
const f = '=' + Array(n).fill('1').join('+');
try { setCell(e, 'A1', f); console.log(n, 'ok', readCell(e,'A1')) } catch (x) { console.log(n, 'ERR', (x as Error).message); }
}
try { console.log('A1 after', readCell(e, 'A1'), readCell(e,'A3')); } catch (x) { console.log('read A1 ERR', (x as Error).message); }
try { setCell(e, 'A2', '=A3+1'); console.log('A2', readCell(e, 'A2')); } catch (x) { console.log('A2 ERR', (x as Error).message); }
const nest = (n: number) => '=' + 'ABS('.repeat(n) + '1' + ')'.repeat(n);
for (const n of [64, 65]) { try { setCell(e, 'C1', nest(n)); console.log(n, readCell(e, 'C1')); } catch (x) { console.log(n, 'ERR', (x as Error).message); } }
const p = (n: number) => '=' + '('.repeat(n) + '1' + ')'.repeat(n);
for (const n of [64, 200]) { try { console.log(n, evaluateFormula(e, p(n))); } catch (x) { console.log(n, 'ERR', (x as Error).message); } }
let chunk = 'SUM(' + Array(100).fill('1').join(',') + ')';
let parts: string[] = []; let f = '=';
while ((f + '+' + chunk).length <= 8192) { parts.push(chunk); f = '=' + parts.join('+'); }
f = f + '+' + '1'.repeat(8192 - f.length - 1);
console.log(f.length, evaluateFormula(e, f));
