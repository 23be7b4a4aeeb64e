// Proves the ESLint import zones of eslint.config.js bite: each snippet is linted as if it lived at the given path.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('import boundaries of the web app', () => {
  it.each([
    ['a feature imports app/', 'src/web/features/contacts/components/contact-filters.tsx', '@/app/routes', /Only app\/ composes features/],
    ['a feature imports an unrelated feature', 'src/web/features/contacts/components/contact-filters.tsx', '@/features/report/api/get-report', /features\/contacts never imports another feature/],
    ['a feature reaches another feature with ../../', 'src/web/features/contacts/components/contact-filters.tsx', '../../report/api/get-report', /through @\//],
    ['a file at a feature’s root reaches another with ../', 'src/web/features/contacts/contacts-search.ts', '../report/api/get-report', /through @\//],
    ['the page that composes contacts imports more than the component', 'src/web/features/report/components/report-page.tsx', '@/features/contacts/api/get-contacts', /features\/report never imports another feature/],
    ['shared code imports a feature', 'src/web/lib/format.ts', '@/features/report/api/shape-report', /Shared code .* never imports a feature/],
    ['a component imports app/', 'src/web/components/ui/badge.tsx', '@/app/app', /Only app\/ composes features/],
    ['the web app imports the server', 'src/web/features/report/api/get-report.ts', '../../../../server/app', /never imports the server|through @\//],
  ])('fails when %s', async (_case, filePath, specifier, message) => {
    const errors = await importErrors(filePath, specifier);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });

  it.each([
    ['a page composes another feature’s component', 'src/web/features/report/components/report-page.tsx', '@/features/contacts/components/contact-list'],
    ['a feature imports its own api', 'src/web/features/report/components/report-page.tsx', '../api/get-report'],
    ['a feature imports shared code', 'src/web/features/report/components/report-page.tsx', '@/components/ui/section'],
    ['a feature imports the domain', 'src/web/features/report/components/report-page.tsx', '@domain/api-schemas'],
    ['app imports a feature', 'src/web/app/app.tsx', '@/features/campaigns/components/campaigns-page'],
    ['a test imports the API mocks', 'src/web/features/report/components/report-page.test.tsx', '../../../../../mocks/api/node'],
  ])('allows %s', async (_case, filePath, specifier) => {
    expect(await importErrors(filePath, specifier)).toEqual([]);
  });
});
