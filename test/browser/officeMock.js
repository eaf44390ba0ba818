/*
 * A minimal Office host for the task pane page in a plain browser, installed as an init script
 * (before any page script): `Office.onReady` resolves with host Excel, every requirement set is
 * supported, `CustomFunctions.associate` records the ids the functions bundle registers, and
 * `Excel.run` hands the batch a context whose every property and call is recorded in order:
 *
 *   window.__officeMock.calls   [{ kind: 'call', path: 'workbook.worksheets.add', args: ['AMD warrants'] },
 *                                { kind: 'set', path: 'workbook.worksheets.add().getRange().formulas', value: [[…]] },
 *                                { kind: 'sync' }, …]
 *   window.__officeMock.syncs   the number of context.sync() calls
 *
 * The workbook it pretends to hold: one sheet, "Sheet1", active; no names. Reads of a loaded
 * collection's `items` and of the active sheet's `name` answer from that; everything else returns
 * another recording proxy. Plain JavaScript, no imports: it runs in the page as it is.
 */
(() => {
  const calls = [];
  const associations = [];
  let syncs = 0;

  const plain = (value) => {
    if (typeof value === 'function' && value.__path) return { ref: value.__path };
    if (value === undefined) return null;
    return JSON.parse(JSON.stringify(value));
  };

  function node(path) {
    const target = function () {};
    return new Proxy(target, {
      get(_, prop) {
        if (prop === '__path') return path;
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        if (prop === 'items') {
          if (/worksheets(\.load\(\))?$/.test(path)) return [{ name: 'Sheet1' }];
          return [];
        }
        if (prop === 'name' && path.includes('getActiveWorksheet()')) return 'Sheet1';
        if (prop === 'isNullObject') return false;
        return node(`${path}.${String(prop)}`);
      },
      set(_, prop, value) {
        calls.push({ kind: 'set', path: `${path}.${String(prop)}`, value: plain(value) });
        return true;
      },
      apply(_, __, args) {
        calls.push({ kind: 'call', path, args: args.map(plain) });
        return node(`${path}()`);
      },
    });
  }

  window.Excel = {
    run: async (batch) => {
      const context = {
        workbook: node('workbook'),
        application: node('application'),
        sync: async () => {
          syncs += 1;
          calls.push({ kind: 'sync' });
        },
      };
      return batch(context);
    },
  };

  window.Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline' },
    context: {
      displayLanguage: 'en-US',
      requirements: { isSetSupported: () => true },
    },
    onReady(callback) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      return Promise.resolve().then(() => {
        if (callback) callback(info);
        return info;
      });
    },
  };

  window.CustomFunctions = {
    associate(id) {
      associations.push(id);
    },
  };

  window.__officeMock = {
    calls,
    associations,
    get syncs() {
      return syncs;
    },
  };
})();
