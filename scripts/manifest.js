/**
 * The add-in's two manifests from one file. `manifest.xml` in the repository is the development
 * manifest: URLs on https://localhost:3000/, its own <Id> and a display name ending in "(dev)", so
 * that a developer can keep the team's production add-in installed beside it (the same Id and
 * namespace installed twice fail to register their functions: office-js #4559, #4571).
 *
 * `ADDIN_URL=https://host/path/ npm run build` writes dist/manifest.xml for that host with
 * `productionManifest()`: every URL under ADDIN_URL (the zh-TW / zh-CN overrides' too), the
 * AppDomain its origin, the production Id and the plain display name in every language. The Ids
 * live in src/addin.json, which the xlsx writer also reads (an exported workbook names the
 * production add-in).
 */
'use strict';
const addin = require('../src/addin.json');

const DEV_ORIGIN = new URL(addin.developmentUrl).origin;

/** ADDIN_URL checked and normalised (a trailing slash added), or an Error saying what is wrong. */
function parseAddinUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_URL must be an absolute URL such as https://example.com/deals/ (got ${JSON.stringify(value)})`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL must use https: Office loads add-ins only over HTTPS (got ${value})`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must not have a query or fragment (got ${value})`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

function replaceExactlyOnce(xml, from, to) {
  const parts = xml.split(from);
  if (parts.length !== 2) throw new Error(`manifest.xml: expected ${from} exactly once, found it ${parts.length - 1} times`);
  return parts.join(to);
}

/**
 * The <DisplayName> element without the development suffix: its DefaultValue and the Value of
 * each of its <Override Locale=…> (the name in another display language) end in it.
 */
function productionDisplayName(xml) {
  const elements = xml.match(/<DisplayName\b[^>]*?(?:\/>|>[\s\S]*?<\/DisplayName>)/g) ?? [];
  if (elements.length !== 1) throw new Error(`manifest.xml: expected one <DisplayName>, found ${elements.length}`);
  const [element] = elements;
  if (!element.includes(`DefaultValue="${addin.displayName}${addin.developmentSuffix}"`)) {
    throw new Error(`manifest.xml: the display name must be ${JSON.stringify(addin.displayName + addin.developmentSuffix)}`);
  }
  const production = element.replace(/\b(DefaultValue|Value)="([^"]*)"/g, (_, name, value) => {
    if (!value.endsWith(addin.developmentSuffix)) throw new Error(`manifest.xml: the display name ${JSON.stringify(value)} lacks the development suffix ${JSON.stringify(addin.developmentSuffix)}`);
    return `${name}="${value.slice(0, -addin.developmentSuffix.length)}"`;
  });
  return xml.replace(element, () => production);
}

/** The production manifest for `addinUrl`, from the development manifest's text. */
function productionManifest(devXml, addinUrl) {
  const base = parseAddinUrl(addinUrl);
  let xml = replaceExactlyOnce(devXml, `<Id>${addin.developmentId}</Id>`, `<Id>${addin.productionId}</Id>`);
  xml = productionDisplayName(xml);
  xml = replaceExactlyOnce(xml, `<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${new URL(base).origin}</AppDomain>`);
  xml = xml.split(addin.developmentUrl).join(base);
  if (xml.includes(DEV_ORIGIN)) throw new Error(`manifest.xml: a development URL outside ${addin.developmentUrl} is left: ${DEV_ORIGIN}`);
  return xml;
}

/**
 * Excel's function metadata (functions.json) for `addinUrl`: each function's `helpUrl` is written
 * in the JSDoc on the development URL, so it moves under ADDIN_URL like the manifest's URLs.
 */
function productionMetadata(devJson, addinUrl) {
  const base = parseAddinUrl(addinUrl);
  const json = devJson.split(addin.developmentUrl).join(base);
  if (json.includes(DEV_ORIGIN)) throw new Error(`functions.json: a development URL outside ${addin.developmentUrl} is left: ${DEV_ORIGIN}`);
  return json;
}

/**
 * The metadata as the build ships it, from the text custom-functions-metadata generated: with
 * `allowCustomDataForDataTypeAny` turned off, and for a production host (`addinUrl`) its helpUrls
 * under ADDIN_URL. The generator writes the flag `true` whatever the JSDoc says (its plugin has no
 * option for it); with it, Excel passes a data-type cell (Stocks, Geography, a linked entity) to a
 * parameter of type `any` as an object, so `=DEALS.WARRANTVALUE(A1,…)` on such a cell failed with
 * "must be a number". The integration is opt-in (Microsoft's "Use data types with custom
 * functions in Excel": set the property to true to enable it, CustomFunctionsRuntime 1.4); off,
 * the functions get plain values as before data types, which we expect to be the cell's basic
 * value (not verified in an Excel here). `A1.Price` remains the way to pass one field.
 */
function addinMetadata(generatedJson, addinUrl) {
  const on = '"allowCustomDataForDataTypeAny": true';
  const found = generatedJson.split(on).length - 1;
  if (found !== 1) throw new Error(`functions.json: expected ${on} exactly once, found it ${found} times`);
  const json = generatedJson.replace(on, '"allowCustomDataForDataTypeAny": false');
  return addinUrl ? productionMetadata(json, addinUrl) : json;
}

module.exports = { productionManifest, productionMetadata, addinMetadata, parseAddinUrl, addin };
