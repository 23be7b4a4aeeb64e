import { describe, expect, it } from 'vitest';
import { decodeSheet, readContactMetadataSheet } from './contact-metadata-sheet';

function read(text: string) {
  const sheet = readContactMetadataSheet(text);
  if (!sheet.ok) throw new Error(sheet.error);
  return sheet;
}

describe('readContactMetadataSheet', () => {
  it('reads number, name, email, tags, revenue and further columns as metadata', () => {
    const sheet = read('number,name,email,tags,revenue,city\n+91 98765 43210,Asha Rao,asha@example.com,vip; north ;vip,"1,250.50",Pune\n');
    expect(sheet.columns).toEqual(['city']);
    expect(sheet.rows).toEqual([
      { key: '9876543210', number: '+919876543210', name: 'Asha Rao', email: 'asha@example.com', tags: ['vip', 'north'], revenue: 1250.5, metadata: { city: 'Pune' } },
    ]);
    expect(sheet.rejected).toEqual([]);
  });

  it('lists bad rows by their line in the file (header = 1), counting lines inside quoted cells', () => {
    const text = [
      'number,name,notes',
      '9876543210,Asha,"two',
      'lines"',
      '12345,Bad',
      '',
      '09876543210,Asha again',
      '9876500001,Ravi,x,extra',
      '9876500002,"Meera",ok',
    ].join('\r\n');
    const sheet = read(text);
    expect(sheet.rejected).toEqual([
      { row: 4, reason: 'bad number: "12345" is not a 10-digit Indian number' },
      { row: 6, reason: 'duplicate: +919876543210 is already on row 2' },
      { row: 7, reason: 'too many columns: 4, the header has 3' },
    ]);
    expect(sheet.rows.map((row) => row.name)).toEqual(['Asha', 'Meera']);
  });

  it("accepts Excel's files: BOM, semicolons, CRLF, Windows-1252", () => {
    const sheet = read('\uFEFFNumber;Name;Tags\r\n9876543210;José;a;\r\n');
    expect(sheet.rows[0]).toMatchObject({ number: '+919876543210', name: 'José', tags: ['a'] });
    const latin1 = new Uint8Array([...new TextEncoder().encode('number,name\r\n9876543210,Jos'), 0xe9, 0x0d, 0x0a]);
    expect(read(decodeSheet(latin1)).rows[0]?.name).toBe('José');
  });

  it('refuses a sheet without a number column or with too many metadata columns', () => {
    expect(readContactMetadataSheet('name\nAsha\n')).toEqual({ ok: false, error: 'the header has no "number" column' });
    const wide = ['number', ...Array.from({ length: 21 }, (_, i) => `c${i}`)].join(',');
    expect(readContactMetadataSheet(`${wide}\n`).ok).toBe(false);
  });
});
