/** HyperFormula is GPL-3.0: a dev dependency for the engine, never part of the add-in's code. */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('HyperFormula stays out of the add-in', () => {
  it.each(['functions', 'model', 'taskpane'])('src/%s neither imports hyperformula nor the engine', (dir) => {
    for (const file of sourceFiles(path.join(SRC, dir))) {
      const text = fs.readFileSync(file, 'utf8');
      expect({ file, hyperformula: /from\s+['"]hyperformula|require\(\s*['"]hyperformula/.test(text) }).toEqual({ file, hyperformula: false });
      expect({ file, engine: /['"](\.{1,2}\/)+engine(\/[^'"]*)?['"]/.test(text) }).toEqual({ file, engine: false });
    }
  });
});
