/**
 * Parts of an .xlsx package that the file library (exceljs) does not write, added to its output:
 *
 * - Dynamic arrays. A spilled DEALS result is stored as Excel 365 stores one: an array formula
 *   over the spill range (or over its own cell, for a formula that needs array evaluation without
 *   spilling) whose anchor cell carries `cm="1"`, pointing at the XLDAPR cell-metadata
 *   record in `xl/metadata.xml` ([MS-XLSX] 2.6.69 dynamicArrayProperties, fDynamic="1"). Without
 *   it Excel reads a legacy fixed-size `{=…}` array formula.
 * - The add-in. `xl/webextensions/webextension1.xml` names the add-in by its manifest Id with the
 *   property Office.AutoShowTaskpaneWithDocument = true, and the task-pane part `taskpanes.xml`
 *   (visibility 1) makes Excel open it when the file opens, as in Microsoft's
 *   Office-OOXML-EmbedAddin sample and "Automatically open a task pane with a document" (store type
 *   EXCatalog: centralized deployment from the Microsoft 365 admin center). Excel opens the
 *   ShowTaskpane action whose TaskpaneId is `Office.AutoShowTaskpaneWithDocument` ([MS-OWEMXML]
 *   2.2.176 ShowTaskpane), so the manifest's one action has that id (test/manifest.test.ts).
 * - calcPr. `calcId` says which calculation engine last computed the cached values; Excel
 *   recalculates a whole workbook on load when the id is older than its own (ECMA-376 Part 1,
 *   18.2.2). exceljs writes 171027 (Excel 2016), so Excel 365 would recalculate every DEALS cell
 *   at once on opening, possibly before the add-in has registered its functions, leaving #NAME?.
 *   We write 191029, the id current Excel (2019, 2021, 365) writes, and no fullCalcOnLoad: Excel
 *   shows the cached values and recalculates a DEALS cell when its inputs change.
 */
import JSZip from 'jszip';
import addin from '../addin.json';

/** The TaskpaneId of the manifest action that a workbook opening with the add-in shows (see above). */
export const AUTO_SHOW_TASKPANE_ID = 'Office.AutoShowTaskpaneWithDocument';

/** The calculation engine id Excel 2019, 2021 and Microsoft 365 write (see above). */
export const CALC_ID = 191029;

/** Which add-in an exported workbook asks Excel to load ([MS-OWEXML] 2.2.5 WebExtensionReference). */
export interface AddinReference {
  /** The manifest's <Id>. */
  readonly id: string;
  /** The manifest's <Version>. */
  readonly version: string;
  /** EXCatalog: centralized deployment; Registry with store "developer": a sideloaded add-in. */
  readonly storeType: 'EXCatalog' | 'Registry' | 'FileSystem';
  readonly store: string;
}

/** The team's production add-in, deployed centrally (docs/deploy.md). */
export const PRODUCTION_ADDIN: AddinReference = { id: addin.productionId, version: addin.version, storeType: 'EXCatalog', store: 'EXCatalog' };

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const WEB_EXTENSION_TASKPANES_REL = 'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes';
const WEB_EXTENSION_REL = 'http://schemas.microsoft.com/office/2011/relationships/webextension';
const SHEET_METADATA_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata';

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** xl/metadata.xml with the one cell-metadata record (index 1, `cm="1"`) a dynamic array anchor points at. */
export const DYNAMIC_ARRAY_METADATA =
  XML_HEADER +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  '</metadata>';

function webExtensionPart(reference: AddinReference): string {
  return (
    XML_HEADER +
    `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{${reference.id.toUpperCase()}}">` +
    `<we:reference id="${escapeAttribute(reference.id)}" version="${escapeAttribute(reference.version)}" store="${escapeAttribute(reference.store)}" storeType="${reference.storeType}"/>` +
    '<we:alternateReferences/>' +
    `<we:properties><we:property name="${AUTO_SHOW_TASKPANE_ID}" value="true"/></we:properties>` +
    '<we:bindings/>' +
    '<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>' +
    '</we:webextension>'
  );
}

const TASKPANES_PART =
  XML_HEADER +
  '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">' +
  '<wetp:taskpane dockstate="right" visibility="1" width="350" row="0">' +
  '<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
  '</wetp:taskpane></wetp:taskpanes>';

const TASKPANES_RELS =
  XML_HEADER +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${WEB_EXTENSION_REL}" Target="webextension1.xml"/>` +
  '</Relationships>';

async function text(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`xlsx: the package has no ${name}`);
  return file.async('string');
}

/** Adds a relationship with an id not yet used in that .rels part. */
function addRelationship(rels: string, type: string, target: string): string {
  const used = new Set([...rels.matchAll(/\sId="([^"]+)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return rels.replace('</Relationships>', `<Relationship Id="rId${n}" Type="${type}" Target="${target}"/></Relationships>`);
}

const addOverride = (types: string, partName: string, contentType: string) =>
  types.replace('</Types>', `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`);

/**
 * `cm="1"` on every array-formula anchor: every array formula this writer stores is a dynamic
 * array (a spill, or one cell that needs array evaluation: `arrayFormulas.ts`).
 */
export function markDynamicArrays(sheetXml: string): { xml: string; anchors: number } {
  let anchors = 0;
  const xml = sheetXml.replace(/<c r="([A-Z]+[0-9]+)"([^>]*)><f t="array"/g, (_all, ref: string, rest: string) => {
    anchors++;
    return `<c r="${ref}"${rest} cm="1"><f t="array"`;
  });
  return { xml, anchors };
}

/** The package exceljs wrote, with the parts above added (no add-in part for a `null` reference). */
export async function addPackageParts(xlsx: Uint8Array, reference: AddinReference | null = PRODUCTION_ADDIN): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  let types = await text(zip, '[Content_Types].xml');

  let dynamicArrays = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const { xml, anchors } = markDynamicArrays(await text(zip, name));
    zip.file(name, xml);
    dynamicArrays += anchors;
  }
  if (dynamicArrays > 0) {
    zip.file('xl/metadata.xml', DYNAMIC_ARRAY_METADATA);
    zip.file('xl/_rels/workbook.xml.rels', addRelationship(await text(zip, 'xl/_rels/workbook.xml.rels'), SHEET_METADATA_REL, 'metadata.xml'));
    types = addOverride(types, '/xl/metadata.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml');
  }

  const workbook = await text(zip, 'xl/workbook.xml');
  if (!/<calcPr\b[^>]*\/>/.test(workbook)) throw new Error('xlsx: workbook.xml has no calcPr to set');
  zip.file('xl/workbook.xml', workbook.replace(/<calcPr\b[^>]*\/>/, `<calcPr calcId="${CALC_ID}"/>`));

  if (reference) {
    zip.file('xl/webextensions/webextension1.xml', webExtensionPart(reference));
    zip.file('xl/webextensions/taskpanes.xml', TASKPANES_PART);
    zip.file('xl/webextensions/_rels/taskpanes.xml.rels', TASKPANES_RELS);
    zip.file('_rels/.rels', addRelationship(await text(zip, '_rels/.rels'), WEB_EXTENSION_TASKPANES_REL, 'xl/webextensions/taskpanes.xml'));
    types = addOverride(types, '/xl/webextensions/taskpanes.xml', 'application/vnd.ms-office.webextensiontaskpanes+xml');
    types = addOverride(types, '/xl/webextensions/webextension1.xml', 'application/vnd.ms-office.webextension+xml');
  }
  zip.file('[Content_Types].xml', types);

  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
