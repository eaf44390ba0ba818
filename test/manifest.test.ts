/**
 * Offline structural checks of manifest.xml. Microsoft's validator (`office-addin-manifest
 * validate`) calls an online service that is unreachable here, so this test checks what the
 * add-in needs to load: well-formed XML, resources defined once and all used, id and string
 * lengths, HTTPS everywhere, the shared runtime wiring of task pane, custom functions and ribbon
 * button, and icons that exist with the sizes the manifest names. It also runs the offline
 * `office-addin-manifest info` command, which reads the manifest with Microsoft's own parser.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import addin from '../src/addin.json';
import { CATALOGUES, en } from '../src/i18n';
import type { Locale, MessageKey } from '../src/i18n';
import { MANIFEST_LOCALES, METADATA_FILES } from '../src/i18n/functionMetadata';
import { resolveLocale } from '../src/i18n/locale';
import { AUTO_SHOW_TASKPANE_ID } from '../src/xlsx/packageParts';

// The production manifest transform (CommonJS, shared with webpack.config.js).
const { productionManifest } = require('../scripts/manifest') as { productionManifest(xml: string, addinUrl: string): string };

const ROOT = path.resolve(__dirname, '..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
const xml = fs.readFileSync(MANIFEST_PATH, 'utf8');

type XmlNode = { [key: string]: XmlValue };
type XmlValue = string | XmlNode | XmlValue[];

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseAttributeValue: false, parseTagValue: false, trimValues: true });
const doc = parser.parse(xml) as XmlNode;
const app = doc.OfficeApp as XmlNode;
const overrides = app.VersionOverrides as XmlNode;
const resources = overrides.Resources as XmlNode;
const host = ((overrides.Hosts as XmlNode).Host as XmlNode) ?? {};

function list(value: XmlValue | undefined): XmlValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function nodes(value: XmlValue | undefined): XmlNode[] {
  return list(value).filter((v): v is XmlNode => typeof v === 'object' && !Array.isArray(v));
}

function attr(node: XmlValue | undefined, name: string): string | undefined {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

function text(node: XmlValue | undefined): string | undefined {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && !Array.isArray(node) && typeof node['#text'] === 'string') return node['#text'];
  return undefined;
}

/** Every element (with its tag) anywhere below `value`, depth first. */
function walk(value: XmlValue, tag = '', out: Array<{ tag: string; node: XmlNode }> = []): Array<{ tag: string; node: XmlNode }> {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, tag, out);
  } else if (typeof value === 'object') {
    out.push({ tag, node: value });
    for (const [key, child] of Object.entries(value)) if (!key.startsWith('@_') && key !== '#text') walk(child, key, out);
  }
  return out;
}

interface Resource {
  kind: 'image' | 'url' | 'short' | 'long';
  id: string;
  value: string;
}

const RESOURCES: Resource[] = [
  ...nodes((resources['bt:Images'] as XmlNode)?.['bt:Image']).map((n) => ({ kind: 'image' as const, id: attr(n, 'id')!, value: attr(n, 'DefaultValue')! })),
  ...nodes((resources['bt:Urls'] as XmlNode)?.['bt:Url']).map((n) => ({ kind: 'url' as const, id: attr(n, 'id')!, value: attr(n, 'DefaultValue')! })),
  ...nodes((resources['bt:ShortStrings'] as XmlNode)?.['bt:String']).map((n) => ({ kind: 'short' as const, id: attr(n, 'id')!, value: attr(n, 'DefaultValue')! })),
  ...nodes((resources['bt:LongStrings'] as XmlNode)?.['bt:String']).map((n) => ({ kind: 'long' as const, id: attr(n, 'id')!, value: attr(n, 'DefaultValue')! })),
];

function resource(id: string | undefined, kind?: Resource['kind']): Resource {
  const found = RESOURCES.filter((r) => r.id === id && (kind === undefined || r.kind === kind));
  if (found.length !== 1) throw new Error(`resource ${id} (${kind ?? 'any kind'}) is defined ${found.length} times`);
  return found[0];
}

/** The locales the manifest overrides, and their metadata files (src/i18n/functionMetadata.ts). */
/** The manifest's overrides: each Office locale with its catalogue and metadata file. */
const LOCALIZED = MANIFEST_LOCALES;

/** The catalogue key of each localized string resource. */
const STRING_KEYS: Record<string, MessageKey> = {
  'GetStarted.Title': 'manifest.getStartedTitle',
  'GetStarted.Description': 'manifest.getStartedDescription',
  'DealsGroup.Label': 'manifest.groupLabel',
  'TaskpaneButton.Label': 'manifest.buttonLabel',
  'TaskpaneButton.Tooltip': 'manifest.buttonTooltip',
};

const ALL_ELEMENTS = walk(doc);
const USED_RESIDS = ALL_ELEMENTS.map(({ node }) => attr(node, 'resid')).filter((r): r is string => r !== undefined);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const data = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!data.subarray(0, 8).equals(signature) || data.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** The local file behind an https://localhost:3000/assets/... URL. */
function assetFile(url: string): string {
  const match = /^https:\/\/localhost:3000\/(assets\/[^?#]+)$/.exec(url);
  if (!match) throw new Error(`${url} is not an asset URL on the dev server`);
  return path.join(ROOT, match[1]);
}

describe('manifest.xml', () => {
  test('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test('is a task pane add-in for Excel with its identity filled in', () => {
    expect(attr(app, 'xsi:type')).toBe('TaskPaneApp');
    expect(text(app.Id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    // The development manifest: its own Id, "(dev)" in its name (office-js #4559, #4571).
    expect(text(app.Id)).toBe(addin.developmentId);
    expect(addin.productionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(addin.productionId).not.toBe(addin.developmentId);
    expect(text(app.Version)).toBe(addin.version);
    const version = text(app.Version)!;
    expect(version).toMatch(/^\d+(\.\d+){0,3}$/);
    const packageVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(version.split('.').slice(0, 3).join('.')).toBe(packageVersion);
    expect(text(app.ProviderName)?.length).toBeGreaterThan(0);
    expect(text(app.DefaultLocale)).toBe('en-US');
    expect(attr(app.DisplayName, 'DefaultValue')).toBe('AI Deal Modeler (dev)');
    const description = attr(app.Description, 'DefaultValue')!;
    expect(description.length).toBeGreaterThan(0);
    expect(description.length).toBeLessThanOrEqual(250);
    expect(attr(app.SupportUrl, 'DefaultValue')).toMatch(/^https:\/\//);
    expect(list((app.AppDomains as XmlNode).AppDomain).map(text)).toEqual(['https://localhost:3000']);
    expect(nodes((app.Hosts as XmlNode).Host).map((h) => attr(h, 'Name'))).toEqual(['Workbook']);
    expect(attr(overrides, 'xsi:type')).toBe('VersionOverridesV1_0');
    expect(attr(host, 'xsi:type')).toBe('Workbook');
  });

  test('requires the shared runtime and CustomFunctionsRuntime 1.2, whose error codes are the only ones the functions use', () => {
    const sets = (app.Requirements as XmlNode).Sets as XmlNode;
    expect(attr(sets, 'DefaultMinVersion')).toBe('1.1');
    const required = Object.fromEntries(nodes(sets.Set).map((s) => [attr(s, 'Name'), attr(s, 'MinVersion')]));
    expect(required).toEqual({ SharedRuntime: '1.1', CustomFunctionsRuntime: '1.2' });
    // CustomFunctions.Error arrived in 1.2 with these codes; 1.3 added others (#NAME?, #REF! as input
    // errors) that would need 1.3. Every code the sources use must be one of 1.2's.
    const CODES_1_2 = ['invalidValue', 'notAvailable', 'divisionByZero', 'invalidNumber', 'nullReference'];
    const used = new Set<string>();
    for (const file of ['src/functions/excelErrors.ts', 'src/functions/functions.ts', 'src/functions/implementations.ts']) {
      for (const m of fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/ErrorCode\.(\w+)/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((code) => !CODES_1_2.includes(code))).toEqual([]);
  });

  test('defines every resource id once, within 32 characters, and uses every one', () => {
    const ids = RESOURCES.map((r) => r.id);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 32)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RESOURCES) expect(typeof r.value).toBe('string');
    const used = new Set(USED_RESIDS);
    expect([...used].filter((id) => !ids.includes(id))).toEqual([]); // used but not defined
    expect(ids.filter((id) => !used.has(id))).toEqual([]); // defined but not used
    // Each use must name a resource of the kind its element expects.
    for (const { tag, node } of ALL_ELEMENTS) {
      const resid = attr(node, 'resid');
      if (resid === undefined) continue;
      const kind = RESOURCES.find((r) => r.id === resid)!.kind;
      if (tag === 'bt:Image') expect([resid, kind]).toEqual([resid, 'image']);
      else if (['SourceLocation', 'Runtime', 'FunctionFile', 'LearnMoreUrl'].includes(tag)) expect([resid, kind]).toEqual([resid, 'url']);
      else if (['Label', 'Title', 'Namespace'].includes(tag)) expect([resid, kind]).toEqual([resid, 'short']);
      else if (tag === 'Description') expect([resid, kind]).toEqual([resid, 'long']);
      else throw new Error(`unexpected resid on <${tag}>`);
    }
  });

  test('keeps strings and ids within the schema limits', () => {
    for (const r of RESOURCES) {
      const limit = { image: 2048, url: 2048, short: 125, long: 250 }[r.kind];
      expect([r.id, r.value.length <= limit && r.value.length > 0]).toEqual([r.id, true]);
    }
    expect(attr(app.DisplayName, 'DefaultValue')!.length).toBeLessThanOrEqual(125);
    // Group and control ids: at most 125 characters and unique.
    const controlIds = ALL_ELEMENTS.filter(({ tag }) => ['OfficeTab', 'Group', 'Control'].includes(tag)).map(({ node }) => attr(node, 'id')!);
    expect(controlIds.every((id) => id.length > 0 && id.length <= 125)).toBe(true);
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  test('uses HTTPS for every URL', () => {
    const urls: string[] = [];
    for (const { node } of ALL_ELEMENTS) {
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('@_xmlns')) continue; // namespace names, never fetched
        if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) urls.push(value.trim());
      }
    }
    // Also any URL-looking text anywhere outside the namespace declarations.
    const withoutNamespaces = xml.replace(/\sxmlns(:\w+)?="[^"]*"/g, '').replace(/<!--[\s\S]*?-->/g, '');
    const textual = withoutNamespaces.match(/[a-z][a-z0-9+.-]*:\/\/[^\s"<]+/gi) ?? [];
    expect(urls.length).toBeGreaterThan(5);
    expect(new Set(textual)).toEqual(new Set(urls));
    expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
    expect(urls.filter((u) => !u.startsWith('https://localhost:3000'))).toEqual([]);
  });

  test('runs everything in one long-lived shared runtime: the task pane page', () => {
    const runtimes = nodes((host.Runtimes as XmlNode).Runtime);
    expect(runtimes).toHaveLength(1);
    expect(attr(runtimes[0], 'lifetime')).toBe('long');
    const runtimeResid = attr(runtimes[0], 'resid');
    expect(runtimeResid).toBe('Taskpane.Url');
    const runtimeUrl = resource(runtimeResid, 'url').value;
    expect(runtimeUrl).toBe('https://localhost:3000/taskpane.html');
    expect(attr((app.DefaultSettings as XmlNode).SourceLocation, 'DefaultValue')).toBe(runtimeUrl);
    // The shared runtime docs require <Runtimes> first in <Host>, before the form factors.
    expect(Object.keys(host).filter((k) => !k.startsWith('@_'))).toEqual(['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
    expect(attr((host.DesktopFormFactor as XmlNode).FunctionFile, 'resid')).toBe(runtimeResid);
  });

  test('wires the custom functions to the runtime page, functions.json and the DEALS namespace', () => {
    const points = nodes((host.AllFormFactors as XmlNode).ExtensionPoint);
    expect(points.map((p) => attr(p, 'xsi:type'))).toEqual(['CustomFunctions']);
    const cf = points[0];
    const sourceOf = (element: string) => attr((cf[element] as XmlNode).SourceLocation, 'resid');
    expect(sourceOf('Page')).toBe('Taskpane.Url');
    expect(resource(sourceOf('Metadata'), 'url').value).toBe('https://localhost:3000/functions.json');
    // Script is only read by a JavaScript-only runtime; it names the functions bundle, as in Microsoft's template.
    expect(resource(sourceOf('Script'), 'url').value).toBe('https://localhost:3000/functions.js');
    expect(resource(attr(cf.Namespace, 'resid'), 'short').value).toBe('DEALS');
  });

  test('has a ribbon button that shows the task pane from the runtime page', () => {
    const desktop = host.DesktopFormFactor as XmlNode;
    const getStarted = desktop.GetStarted as XmlNode;
    for (const element of ['Title', 'Description', 'LearnMoreUrl']) expect(attr(getStarted[element], 'resid')).toBeDefined();
    const surfaces = nodes(desktop.ExtensionPoint).filter((p) => attr(p, 'xsi:type') === 'PrimaryCommandSurface');
    expect(surfaces).toHaveLength(1);
    const controls = walk(surfaces[0]).filter(({ tag }) => tag === 'Control').map(({ node }) => node);
    expect(controls).toHaveLength(1);
    expect(attr(controls[0], 'xsi:type')).toBe('Button');
    const action = controls[0].Action as XmlNode;
    expect(attr(action, 'xsi:type')).toBe('ShowTaskpane');
    // The id a workbook's web-extension part (Office.AutoShowTaskpaneWithDocument = true) opens, on
    // the one ShowTaskpane action there is: a shared runtime has one task pane.
    expect(text(action.TaskpaneId)).toBe(AUTO_SHOW_TASKPANE_ID);
    expect(ALL_ELEMENTS.filter(({ tag, node }) => tag === 'Action' && attr(node, 'xsi:type') === 'ShowTaskpane')).toHaveLength(1);
    expect(attr(action.SourceLocation, 'resid')).toBe('Taskpane.Url');
  });

  test('names icons that exist in assets/ with the sizes given', () => {
    const checked: string[] = [];
    for (const { tag, node } of ALL_ELEMENTS) {
      if (tag !== 'bt:Image' || attr(node, 'size') === undefined) continue;
      const size = Number(attr(node, 'size'));
      const file = assetFile(resource(attr(node, 'resid'), 'image').value);
      expect([path.basename(file), pngSize(file)]).toEqual([path.basename(file), { width: size, height: size }]);
      checked.push(`${size}`);
    }
    // Required 16, 32, 80; 20, 24, 40, 48, 64 as Microsoft recommends for high-DPI ribbons.
    expect(new Set(checked)).toEqual(new Set(['16', '20', '24', '32', '40', '48', '64', '80']));
    expect(pngSize(assetFile(attr(app.IconUrl, 'DefaultValue')!))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetFile(attr(app.HighResolutionIconUrl, 'DefaultValue')!))).toEqual({ width: 64, height: 64 });
    for (const r of RESOURCES.filter((r) => r.kind === 'image')) {
      const size = Number(/icon-(\d+)\.png$/.exec(r.value)?.[1]);
      expect(pngSize(assetFile(r.value))).toEqual({ width: size, height: size });
    }
  });

  test('icons are what assets/make-icons.js draws (the committed PNGs are current)', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'deals-icons-'));
    try {
      const run = spawnSync(process.execPath, [path.join(ROOT, 'assets', 'make-icons.js'), out], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      const made = fs.readdirSync(out).sort();
      expect(made).toEqual(['icon-16.png', 'icon-20.png', 'icon-24.png', 'icon-32.png', 'icon-40.png', 'icon-48.png', 'icon-64.png', 'icon-80.png']);
      for (const name of made) expect([name, fs.readFileSync(path.join(out, name)).equals(fs.readFileSync(path.join(ROOT, 'assets', name)))]).toEqual([name, true]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test('localizes for zh-TW, zh-HK, zh-MO (繁體中文) and zh-CN, zh-SG (简体中文) (bt:Override): name, description, ribbon and Get Started texts, from the catalogues', () => {
    const checked: string[] = [];
    const expectOverrides = (what: string, overridesOf: XmlValue | undefined, english: string, expected: (locale: Locale) => string) => {
      const found = nodes(overridesOf).map((o) => [attr(o, 'Locale'), attr(o, 'Value')]);
      expect([what, found]).toEqual([what, LOCALIZED.map(({ officeLocale, locale }) => [officeLocale, expected(locale)])]);
      for (const [, value] of found) expect([what, value !== english, /\p{Script=Han}/u.test(value!)]).toEqual([what, true, true]);
      checked.push(what);
    };
    // The add-in's name keeps "(dev)" in every language in the development manifest.
    expect(attr(app.DisplayName, 'DefaultValue')).toBe(`${en['manifest.displayName']}${addin.developmentSuffix}`);
    expectOverrides('DisplayName', (app.DisplayName as XmlNode).Override, attr(app.DisplayName, 'DefaultValue')!, (locale) => `${CATALOGUES[locale]['manifest.displayName']}${addin.developmentSuffix}`);
    expect(attr(app.Description, 'DefaultValue')).toBe(en['manifest.description']);
    expectOverrides('Description', (app.Description as XmlNode).Override, en['manifest.description'], (locale) => CATALOGUES[locale]['manifest.description']);
    for (const n of [...nodes((resources['bt:ShortStrings'] as XmlNode)['bt:String']), ...nodes((resources['bt:LongStrings'] as XmlNode)['bt:String'])]) {
      const id = attr(n, 'id')!;
      if (id === 'Functions.Namespace') {
        // The namespace is part of every formula: the same in every language.
        expect(n['bt:Override']).toBeUndefined();
        continue;
      }
      const key = STRING_KEYS[id];
      expect([id, key]).toEqual([id, expect.any(String)]);
      expect([id, attr(n, 'DefaultValue')]).toEqual([id, en[key]]);
      expectOverrides(id, n['bt:Override'], en[key], (locale) => CATALOGUES[locale][key]);
    }
    expect(checked.sort()).toEqual(['Description', 'DisplayName', ...Object.keys(STRING_KEYS)].sort());
    // Every override, anywhere, is for one of these locales, and within the schema's limits.
    const all = ALL_ELEMENTS.filter(({ tag }) => tag === 'Override' || tag === 'bt:Override');
    expect(all.length).toBe(LOCALIZED.length * (2 + Object.keys(STRING_KEYS).length + 1));
    for (const { node } of all) {
      expect(LOCALIZED.map((l) => l.officeLocale)).toContain(attr(node, 'Locale'));
      expect(attr(node, 'Value')!.length).toBeGreaterThan(0);
      expect(attr(node, 'Value')!.length).toBeLessThanOrEqual(250);
    }
    for (const id of ['GetStarted.Title', 'DealsGroup.Label', 'TaskpaneButton.Label']) {
      for (const o of nodes(ALL_ELEMENTS.find(({ node }) => attr(node, 'id') === id)!.node['bt:Override'])) expect([id, attr(o, 'Value')!.length <= 125]).toEqual([id, true]);
    }
  });

  test('points Functions.Metadata.Url at functions-zh-TW.json and functions-zh-CN.json for those locales, files the build writes', () => {
    const url = nodes((resources['bt:Urls'] as XmlNode)['bt:Url']).find((n) => attr(n, 'id') === 'Functions.Metadata.Url')!;
    expect(attr(url, 'DefaultValue')).toBe('https://localhost:3000/functions.json');
    expect(nodes(url['bt:Override']).map((o) => [attr(o, 'Locale'), attr(o, 'Value')])).toEqual([
      ['zh-TW', 'https://localhost:3000/functions-zh-TW.json'],
      ['zh-HK', 'https://localhost:3000/functions-zh-TW.json'],
      ['zh-MO', 'https://localhost:3000/functions-zh-TW.json'],
      ['zh-CN', 'https://localhost:3000/functions-zh-CN.json'],
      ['zh-SG', 'https://localhost:3000/functions-zh-CN.json'],
    ]);
    // The build writes exactly these files (webpack.config.js emits METADATA_FILES; test/build.test.ts fetches every manifest URL).
    expect(METADATA_FILES.map((l) => [l.officeLocale, l.locale, l.file])).toEqual([
      ['zh-TW', 'zh-Hant', 'functions-zh-TW.json'],
      ['zh-CN', 'zh-Hans', 'functions-zh-CN.json'],
    ]);
    for (const { officeLocale, locale, file } of LOCALIZED) {
      expect([officeLocale, METADATA_FILES.some((m) => m.locale === locale && m.file === file)]).toEqual([officeLocale, true]);
      // The pane and the CLI read this Office locale as the same catalogue.
      expect([officeLocale, resolveLocale(officeLocale)]).toEqual([officeLocale, locale]);
    }
    // No other URL resource is localized.
    const others = nodes((resources['bt:Urls'] as XmlNode)['bt:Url']).filter((n) => attr(n, 'id') !== 'Functions.Metadata.Url');
    expect(others.filter((n) => n['bt:Override'] !== undefined).map((n) => attr(n, 'id'))).toEqual([]);
  });

  test('office-addin-manifest info (offline) reads it', () => {
    // Run the CLI in its own Node process, exactly as `npx office-addin-manifest info` would.
    const cli = require.resolve('office-addin-manifest/cli.js');
    const run = spawnSync(process.execPath, [cli, 'info', MANIFEST_PATH], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Id: ${text(app.Id)}`);
    expect(run.stdout).toContain('Name: AI Deal Modeler (dev)');
    expect(run.stdout).toContain('Type: TaskPaneApp');
    expect(run.stdout).toContain('Hosts: Workbook');
    expect(run.stdout).toContain('Source Location: https://localhost:3000/taskpane.html');
  });
});

describe('the production manifest (ADDIN_URL builds, scripts/manifest.js)', () => {
  const base = 'https://deals.example.com/models/';
  const production = productionManifest(xml, 'https://deals.example.com/models');
  const prodApp = (parser.parse(production) as XmlNode).OfficeApp as XmlNode;

  test('has the production Id and plain name, every URL under ADDIN_URL and no localhost', () => {
    expect(XMLValidator.validate(production)).toBe(true);
    expect(text(prodApp.Id)).toBe(addin.productionId);
    expect(attr(prodApp.DisplayName, 'DefaultValue')).toBe('AI Deal Modeler');
    expect(production).not.toMatch(/localhost/);
    expect(list((prodApp.AppDomains as XmlNode).AppDomain).map(text)).toEqual(['https://deals.example.com']);
    const urls = production.replace(/<!--[\s\S]*?-->/g, '').replace(/\sxmlns(:\w+)?="[^"]*"/g, '').match(/https:\/\/[^\s"<]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => u !== 'https://deals.example.com' && !u.startsWith(base))).toEqual([]);
    // The same document otherwise: only Id, URLs and the name's "(dev)", in every language, differ.
    const normalise = (doc: string, id: string, url: string, origin: string) =>
      doc.replace(`<Id>${id}</Id>`, '<Id/>').split(url).join('URL/').split(`<AppDomain>${origin}</AppDomain>`).join('<AppDomain/>');
    const devDisplayName = /<DisplayName\b[\s\S]*?<\/DisplayName>/.exec(xml)![0];
    expect(devDisplayName.split(`${addin.developmentSuffix}"`).length - 1).toBe(1 + LOCALIZED.length); // DefaultValue and each locale's override
    expect(xml.split(addin.developmentSuffix).length - 1).toBe(1 + LOCALIZED.length); // nowhere else
    expect(normalise(production, addin.productionId, base, 'https://deals.example.com')).toBe(
      normalise(xml.replace(devDisplayName, devDisplayName.split(`${addin.developmentSuffix}"`).join('"')), addin.developmentId, addin.developmentUrl, 'https://localhost:3000'),
    );
    const prodOverrides = nodes((prodApp.DisplayName as XmlNode).Override).map((o) => [attr(o, 'Locale'), attr(o, 'Value')]);
    expect(prodOverrides).toEqual(LOCALIZED.map(({ officeLocale, locale }) => [officeLocale, CATALOGUES[locale]['manifest.displayName']]));
    expect(production).not.toContain('(dev)');
  });

  test('its metadata overrides point under ADDIN_URL at the files the build writes', () => {
    const prodResources = (prodApp.VersionOverrides as XmlNode).Resources as XmlNode;
    const url = nodes((prodResources['bt:Urls'] as XmlNode)['bt:Url']).find((n) => attr(n, 'id') === 'Functions.Metadata.Url')!;
    expect(attr(url, 'DefaultValue')).toBe(`${base}functions.json`);
    expect(nodes(url['bt:Override']).map((o) => [attr(o, 'Locale'), attr(o, 'Value')])).toEqual(LOCALIZED.map(({ officeLocale, file }) => [officeLocale, `${base}${file}`]));
  });

  test('productionManifest refuses a display name override without the development suffix', () => {
    const broken = xml.replace(/(<Override Locale="zh-TW" Value="[^"]*) \(dev\)"/, '$1"');
    expect(broken).not.toBe(xml);
    expect(() => productionManifest(broken, base)).toThrow(/development suffix/);
  });

  test('refuses an ADDIN_URL that Office could not load', () => {
    expect(() => productionManifest(xml, 'http://deals.example.com/')).toThrow(/https/);
    expect(() => productionManifest(xml, 'deals.example.com/')).toThrow(/absolute URL/);
    expect(() => productionManifest(xml, 'https://deals.example.com/?v=1')).toThrow(/query/);
  });

  test('office-addin-manifest info (offline) reads it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deals-manifest-'));
    try {
      fs.writeFileSync(path.join(dir, 'manifest.xml'), production);
      const run = spawnSync(process.execPath, [require.resolve('office-addin-manifest/cli.js'), 'info', path.join(dir, 'manifest.xml')], { encoding: 'utf8', timeout: 60_000 });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`Id: ${addin.productionId}`);
      expect(run.stdout).toContain(`Source Location: ${base}taskpane.html`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
