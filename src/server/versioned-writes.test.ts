import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every versioned write is conditional (issue 18). Two people saving the same plan at once both
 * got 200 and one text silently won: the version was compared on a SELECT, and the UPDATE did not
 * say `where version = …`. PGlite, one transaction at a time, hid it. This check reads every
 * UPDATE in the server, so a new one is held to the rule the day it is written:
 * - an UPDATE of a table with a `version` column bumps the version (a reader must notice), and
 * - a bump carries `where('version', '=', …)` in the same statement,
 * unless it is listed below with why it cannot lose anyone's change.
 */
const serverChanges: Record<string, string> = {
  'closeFollowUpTasks caseTasks':
    'closes the follow-up calls when consent is withdrawn: derived by the server, not an edit',
  'requeueGroupPlace groupPlaces':
    'the group row is locked FOR UPDATE first (findGroupForUpdate): places of one group change one at a time',
  'updateGroupPlace groupPlaces':
    'the group row is locked FOR UPDATE first (findGroupForUpdate): places of one group change one at a time',
  'bookHousingPlaces housingUnits':
    'the UPDATE itself checks that the places are free (occupied + places ≤ capacity)',
  'withdrawPlaceRequestInStatus housingRequests':
    'the request was claimed at the caller’s version before (claimPlaceRequestIfVersion); this matches on status',
  'setDuplicateOf persons':
    'both records are locked FOR UPDATE first (lockPersons) and the survivor is updated at the caller’s version',
  'touchPerson persons':
    'the merge row is locked FOR UPDATE (findMergeForUpdate); the bump tells readers both records changed',
  'setProtectionOfNumber persons':
    'protection follows the person to every record of the number: never weaker, never an edit',
  'reassignOpenTasks caseTasks':
    'the open tasks follow the case to its new owner, whose hand-over was checked at the case’s version',
  'carryProtection persons':
    'protection carried from a parent: derived by the server, audited on the child',
};

/** Sign-in bookkeeping on users (failed attempts, second factor) is not an edit of the user. */
const unversionedUpdates = new Set(['users']);

const serverRoot = join(__dirname);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });

/** Tables of the database type whose row type has a version column. */
const versionedTables = (): Set<string> => {
  const schema = readFileSync(join(serverRoot, 'platform', 'db', 'schema.ts'), 'utf8');
  // The table types live in db/schema/*.ts, by area; db/schema.ts names them in Database.
  const tables = sourceFiles(join(serverRoot, 'platform', 'db', 'schema'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const withVersion = new Set(
    [...tables.matchAll(/export type (\w+)Table = \{([\s\S]*?)\n\};/g)]
      .filter((match) => /\n\s+version:/.test(match[2]!))
      .map((match) => match[1]!),
  );
  const database = /export type Database = \{([\s\S]*?)\};/.exec(schema)![1]!;
  return new Set(
    [...database.matchAll(/(\w+): (\w+)Table;/g)]
      .filter((match) => withVersion.has(match[2]!))
      .map((match) => match[1]!),
  );
};

type Update = { where: string; table: string; bumps: boolean; conditional: boolean };

const enclosingName = (node: ts.Node): string => {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (
      ts.isVariableDeclaration(at) &&
      ts.isIdentifier(at.name) &&
      at.initializer &&
      (ts.isArrowFunction(at.initializer) || ts.isFunctionExpression(at.initializer))
    )
      return at.name.text;
    if (ts.isFunctionDeclaration(at) && at.name) return at.name.text;
  }
  return '(top level)';
};

/** Every `.updateTable('x')…` chain: the calls made on it up to where it is executed. */
const updatesIn = (file: string): Update[] => {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: Update[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'updateTable' &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      const table = node.arguments[0].text.split(' ')[0]!;
      let chain: ts.Node = node;
      while (
        (ts.isPropertyAccessExpression(chain.parent) && chain.parent.expression === chain) ||
        (ts.isCallExpression(chain.parent) && chain.parent.expression === chain)
      )
        chain = chain.parent;
      const text = chain.getText(source);
      found.push({
        // Named by the function and table, not the file: a move keeps the exceptions valid.
        where: `${enclosingName(node)} ${table}`,
        table,
        bumps: /version:\s*eb\(\s*'version',\s*'\+'/.test(text) || /\bversion:/.test(text),
        conditional: /\.where\(\s*'(?:\w+\.)?version',\s*'='/.test(text),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

describe('versioned writes', () => {
  const versioned = versionedTables();
  const updates = sourceFiles(serverRoot).flatMap(updatesIn);

  it('finds the updates of the server and the tables with a version', () => {
    expect(versioned.has('safetyPlans')).toBe(true);
    expect(updates.length).toBeGreaterThan(40);
  });

  it('bumps the version of every versioned row it changes', () => {
    const silent = updates.filter(
      (update) =>
        versioned.has(update.table) && !update.bumps && !unversionedUpdates.has(update.table),
    );
    expect(silent.map((update) => update.where)).toEqual([]);
  });

  it('checks the version in the UPDATE itself, or says why it need not', () => {
    const unchecked = updates
      .filter((update) => update.bumps && !update.conditional)
      .map((update) => update.where);
    expect(unchecked.filter((where) => !serverChanges[where])).toEqual([]);
    // An exception that no longer exists is taken off the list.
    expect(Object.keys(serverChanges).filter((where) => !unchecked.includes(where))).toEqual([]);
  });
});
