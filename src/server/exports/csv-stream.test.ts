// The CSV stream reads pages only as fast as its reader takes them (so a slow client never makes the server hold the
// whole file), starts with a BOM and the header, and ends after the last page.
import { describe, expect, it } from 'vitest';
import { csvStream, type CsvCell } from './csv-stream';

function pagedSource(pages: number, rowsPerPage: number) {
  let read = 0;
  return {
    reads: () => read,
    next: (): CsvCell[][] | null => {
      if (read >= pages) return null;
      read++;
      return Array.from({ length: rowsPerPage }, (_, i) => [`+9198${String(read * rowsPerPage + i).padStart(8, '0')}`, 'Asha', 42]);
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('csvStream', () => {
  it('reads the next page only when the reader has taken the previous one', async () => {
    const source = pagedSource(100, 500);
    const reader = csvStream(['number', 'name', 'attempts'], source.next).getReader();
    for (let i = 0; i < 5; i++) await tick();
    // Nothing taken yet: at most the one page the stream may hold ahead.
    expect(source.reads()).toBeLessThanOrEqual(1);
    const header = await reader.read();
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(header.value)).toBe('\uFEFFnumber,name,attempts\r\n');
    for (let taken = 1; taken <= 10; taken++) {
      await reader.read();
      for (let i = 0; i < 5; i++) await tick();
      expect(source.reads()).toBeLessThanOrEqual(taken + 1);
    }
    await reader.cancel();
  });

  it('ends after the last page', async () => {
    const source = pagedSource(3, 2);
    const text = await new Response(csvStream(['number', 'name', 'attempts'], source.next)).text();
    expect(text.trim().split('\r\n')).toHaveLength(1 + 3 * 2);
  });
});
