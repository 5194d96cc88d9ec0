// Preloaded into a `tkpi` child process (node --import): the Nth workbook written is cut off
// halfway and the process killed with SIGKILL, as a power cut or `kill -9` would.
import fs from 'node:fs';
import process from 'node:process';

const crashAt = Number(process.env.TKPI_CRASH_AT_WORKBOOK ?? '1');
const original = fs.writeFileSync;
let workbooks = 0;
fs.writeFileSync = function writeFileSync(file, data, ...rest) {
  const isWorkbook = data instanceof Uint8Array && data[0] === 0x50 && data[1] === 0x4b;
  if (isWorkbook && ++workbooks === crashAt) {
    original.call(fs, file, data.subarray(0, data.length >> 1), ...rest);
    process.kill(process.pid, 'SIGKILL');
  }
  return original.call(fs, file, data, ...rest);
};
