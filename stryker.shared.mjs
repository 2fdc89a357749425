/**
 * What the two mutation-testing runs share (`npm run mutate`; see CONTRIBUTING.md), and the list
 * of equivalent mutants: changes to the code that no test can notice because the program behaves
 * exactly the same. They are listed here, each with its reason, instead of `// Stryker disable`
 * comments in production code; Stryker reports them as "Ignored" with that reason and leaves them
 * out of the score.
 *
 * An entry names the file, the function the code is in and the exact source text of the
 * expression; every mutant of that expression is ignored (as precise as a `Stryker disable
 * next-line <mutator>` comment, which also covers every mutant of its kind on the line). If the
 * code changes, the entry stops matching and the mutant is counted again.
 */

/** @type {{ file: string, within: string, code: string, reason: string }[]} */
export const equivalentMutants = [
  {
    file: 'shared/domain/access-policy.ts',
    within: 'claimList',
    code: String.raw`/[\s,]+/`,
    reason:
      'Splitting on each separator instead of each run of separators only adds empty strings, which filter(Boolean) removes: /[\\s,]/ gives the same list. (The regex\'s other mutants go with it.)',
  },
  {
    file: 'shared/domain/access-policy.ts',
    within: 'customerPrincipal',
    code: `'firm'`,
    reason: 'The default portal is open, and the firm name is read only when the portal is closed.',
  },
  {
    file: 'shared/domain/access-policy.ts',
    within: 'customerPrincipal',
    code: '[]',
    reason:
      'The default list of loaded organisations is only searched by contactId; a mutant\'s ["Stryker was here"] holds a string whose contactId is undefined, which never equals an organisation id, so it finds nothing, as [] does.',
  },
  {
    file: 'shared/domain/activity.ts',
    within: 'matchesFilter',
    code: 'entry.at < filter.from',
    reason:
      'An entry\'s time is a full timestamp ("2026-05-12T10:30:00.000Z") and `from` a date ("2026-05-12"): the two strings are never equal (the timestamp is longer, so it sorts after its own date), so < and <= decide the same.',
  },
  {
    file: 'shared/domain/emails.ts',
    within: 'writerFor',
    code: 'false',
    reason:
      'With its catalogues given inline, i18next 27 has the language and the words in place before init returns whether initAsync is false or true (every email test passes either way); false says that we rely on it.',
  },
];

/** An ignore plugin (https://stryker-mutator.io/docs/stryker-js/ignore-plugins/) for the list above. */
export const strykerPlugins = [
  {
    kind: 'Ignore',
    name: 'equivalent-mutants',
    value: {
      shouldIgnore(path) {
        const file = path.hub?.file;
        const fileName = file?.opts?.filename?.replaceAll('\\', '/');
        const { start, end } = path.node;
        if (!fileName || start == null || end == null) return undefined;
        const code = file.code.slice(start, end);
        const entry = equivalentMutants.find(
          (e) => fileName.endsWith(`/${e.file}`) && e.code === code && enclosingFunctionName(path) === e.within,
        );
        return entry && `Equivalent mutant: ${entry.reason}`;
      },
    },
  },
];

function enclosingFunctionName(path) {
  for (let p = path.parentPath; p; p = p.parentPath) {
    if (p.isFunctionDeclaration() && p.node.id) return p.node.id.name;
    if ((p.isArrowFunctionExpression() || p.isFunctionExpression()) && p.parentPath?.isVariableDeclarator()) return p.parentPath.node.id.name;
  }
  return undefined;
}

/**
 * Options both runs share. Unit tests only (no local cloud): `vitest.unit.config.ts`. Each run
 * writes its own HTML and JSON report under reports/mutation/.
 */
export function sharedOptions(name) {
  return {
    testRunner: 'vitest',
    vitest: { configFile: 'vitest.unit.config.ts' },
    coverageAnalysis: 'perTest',
    appendPlugins: ['./stryker.shared.mjs'],
    ignorers: ['equivalent-mutants'],
    reporters: ['clear-text', 'progress', 'html', 'json'],
    clearTextReporter: { allowColor: false, logTests: false, reportTests: false },
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    tempDirName: '.stryker-tmp',
  };
}
