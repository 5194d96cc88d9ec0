import ExcelJS from 'exceljs';
import JSZip from 'jszip';
const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('流水');
sheet.getCell('B5').value = { formula: 'C5-C5', result: 0 };
sheet.getCell('C5').value = { formula: 'C4-C4', result: 3 };
const zip = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
console.log((await zip.file('xl/worksheets/sheet1.xml')!.async('string')).slice(-600));
