/** src/scenarios/README.md carries the preset reference generated from the scenario data. */
import * as fs from 'fs';
import { README, renderPresetReference, withReference } from '../../src/scenarios/docs';
import { PRESETS } from '../../src/scenarios';

test('the preset reference in src/scenarios/README.md is current (run `npx tsx src/scenarios/docs.ts --write`)', () => {
  const readme = fs.readFileSync(README, 'utf8');
  expect(readme).toBe(withReference(readme, renderPresetReference()));
});

test('the README names every preset and every named output', () => {
  const readme = fs.readFileSync(README, 'utf8');
  for (const preset of PRESETS) {
    expect(readme).toContain(`[${preset.id}]`);
    for (const out of preset.outputs) expect(readme).toContain(`\`${out.name}\``);
  }
  expect(readme).toContain('95,998,400,000');
});
