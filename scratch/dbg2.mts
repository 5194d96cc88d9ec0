import fs from 'node:fs';
import JSZip from 'jszip';
const bytes = fs.readFileSync('test/fixtures/case-2026q3/statements/boc-usd-statement.xlsx');
const zip = await JSZip.loadAsync(bytes);
const xml = await zip.file('xl/sharedStrings.xml')!.async('string');
console.log(xml.slice(0, 1500));
